import { useEffect, useState } from 'react';
import type { RegistrarSettings as Settings, RegistrarSettingsPatch } from '#shared/contract/registrar';
import { useT } from '../../i18n/useT';
import { useRegistrarStore } from '../../stores/registrar';
import { PanelScreen } from '../Registrar/PanelScreen';
import { ConnectionSection } from './ConnectionSection';
import type { EditTarget, RealEnv } from './edit-target';
import { FieldEditor } from './FieldEditor';
import { KioskSection } from './KioskSection';
import { StaffEditor, StaffSection } from './StaffSection';
import { TrustSection } from './TrustSection';

/**
 * Kiosk settings. Each change is saved in main at once and applies at once: the frame reloads its
 * defaults (idle timeouts, language, text size, contrast, the training banner), and a change of the
 * eHealth environment or credentials re-points the eHealth client before the next patient session.
 */
export function RegistrarSettings() {
  const t = useT();
  return (
    <PanelScreen title={t('registrar.settings.title')}>
      <SettingsBody />
    </PanelScreen>
  );
}

function SettingsBody() {
  const settings = useRegistrarStore((s) => s.settings);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [target, setTarget] = useState<RealEnv>('demo');

  useEffect(() => {
    const store = useRegistrarStore.getState();
    void store.loadSettings().then(() => {
      const env = useRegistrarStore.getState().settings?.environment;
      if (env && env !== 'training') setTarget(env);
    });
    void store.loadOverview();
  }, []);

  if (!settings) return null;
  if (editing?.kind === 'addRegistrar' || editing?.kind === 'changePin')
    return <StaffEditor kind={editing.kind} onClose={() => setEditing(null)} />;
  if (editing) return <Editor settings={settings} target={editing} close={() => setEditing(null)} />;
  return (
    <>
      <ConnectionSection settings={settings} target={target} setTarget={setTarget} edit={setEditing} />
      <TrustSection />
      <KioskSection settings={settings} edit={setEditing} />
      <StaffSection edit={setEditing} />
    </>
  );
}

type FieldTarget = Exclude<EditTarget, { kind: 'addRegistrar' } | { kind: 'changePin' }>;

function Editor({ settings, target, close }: { settings: Settings; target: FieldTarget; close(): void }) {
  const t = useT();
  const save = async (patch: RegistrarSettingsPatch | null): Promise<boolean> => {
    if (!patch) return false;
    const okay = await useRegistrarStore.getState().updateSettings(patch);
    if (okay) close();
    return okay;
  };
  const coordinate = (text: string): number | null | undefined => {
    if (text === '') return null;
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  };
  const clinicPatch = (
    field: 'divisionId' | 'latitude' | 'longitude',
    text: string,
  ): RegistrarSettingsPatch | null => {
    const next = { ...settings.clinic };
    if (field === 'divisionId') next.divisionId = text === '' ? null : text;
    else {
      const n = coordinate(text);
      if (n === undefined) {
        useRegistrarStore.getState().refuse({ code: 'VALIDATION', message: 'not a number' });
        return null;
      }
      next[field] = n;
    }
    return { clinic: next };
  };

  switch (target.kind) {
    case 'credential':
      return (
        <FieldEditor
          label={t('registrar.settings.secretOf', {
            name: t(`registrar.settings.secret.${target.name}`),
            environment: t(`registrar.env.${target.env}`),
          })}
          initial=""
          layout="en"
          masked
          maxLength={512}
          onSave={(value) =>
            save(value ? { credential: { environment: target.env, name: target.name, value } } : null)
          }
          onCancel={close}
        />
      );
    case 'printerName':
      return (
        <FieldEditor
          label={t('registrar.settings.printerName')}
          initial={settings.printerName}
          layout="en"
          maxLength={128}
          onSave={(printerName) => save({ printerName })}
          onCancel={close}
        />
      );
    default: {
      const kind = target.kind;
      const current = settings.clinic[kind];
      return (
        <FieldEditor
          label={t(`registrar.settings.${kind}`)}
          initial={current === null ? '' : String(current)}
          layout="en"
          maxLength={64}
          onSave={(text) => save(clinicPatch(kind, text))}
          onCancel={close}
        />
      );
    }
  }
}
