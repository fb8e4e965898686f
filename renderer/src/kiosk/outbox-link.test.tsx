import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { installFakeKiosk, type FakeKiosk } from '../../test/fake-kiosk';
import { App } from '../App';
import { operationView, personView } from '../screens/PersonData/person-fixture.test-support';
import { OVERVIEW } from '../screens/Declarations/samples.test-support';
import { useDeclarationsStore } from '../stores/declarations';
import { usePersonStore } from '../stores/person';
import { useUiStore } from '../stores/ui';

const settle = () => act(async () => {});
let fake: FakeKiosk;

beforeEach(() => {
  fake = installFakeKiosk();
});

describe('the stores follow every operation of the session, whatever screen is shown', () => {
  it('"still being sent" on the personal-data screen clears once eHealth has the change', async () => {
    const waiting = operationView({ state: 'waiting-network' });
    fake.respond('personGet', () => ok(personView()));
    fake.respond('outboxGet', () => ok(waiting));
    render(<App />);
    await settle();
    // signed, then the patient left the result screen for their data before it was delivered
    act(() => {
      usePersonStore.setState({ operation: waiting });
      useUiStore.getState().goTo('person');
    });
    await settle();
    expect(screen.getByText(/ще надсилається/)).toBeInTheDocument();
    const loadsBefore = fake.callsTo('personGet').length;

    act(() =>
      fake.emit('outboxChanged', operationView({ state: 'done', completedAt: '2026-06-15T10:05:00.000Z' })),
    );
    await settle();
    expect(screen.queryByText(/ще надсилається/)).toBeNull();
    // and what is shown is read again from eHealth
    expect(fake.callsTo('personGet').length).toBeGreaterThan(loadsBefore);
  });

  it('a termination shown as pending on the declarations screen is read again when it is delivered', async () => {
    const pending = { operationId: 'op-9', referenceCode: 'T9T9-T9T9', state: 'waiting-network' };
    const withPending = {
      ...OVERVIEW,
      current: OVERVIEW.current && { ...OVERVIEW.current, pendingTermination: pending },
    };
    fake.respond('declarationsOverview', () => ok(withPending));
    render(<App />);
    await settle();
    await act(() => useDeclarationsStore.getState().loadOverview());
    expect(fake.callsTo('declarationsOverview')).toHaveLength(1);
    act(() =>
      fake.emit('outboxChanged', operationView({ id: 'op-9', kind: 'declaration.terminate', state: 'done' })),
    );
    await settle();
    expect(fake.callsTo('declarationsOverview')).toHaveLength(2);
    // an unrelated operation changes nothing
    act(() => fake.emit('outboxChanged', operationView({ id: 'op-other', state: 'done' })));
    await settle();
    expect(fake.callsTo('declarationsOverview')).toHaveLength(2);
  });
});
