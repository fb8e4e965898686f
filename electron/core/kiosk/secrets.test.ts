import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { SecretSettings } from './secrets';

const API_KEY = 'ak-6f1d0c9e2b7a4435a1c9';

describe('sealed eHealth credentials', () => {
  it('stores credentials encrypted, per environment, and shows only set/masked', () => {
    const db = openKioskDatabase(':memory:');
    const secrets = new SecretSettings(db, new SecretBox(randomBytes(32)));
    secrets.set('prod', 'apiKey', API_KEY);
    secrets.set('prod', 'clientId', 'short-id');

    const rows = db.prepare("SELECT key, value, encrypted FROM settings WHERE key LIKE 'secret:%'").all() as {
      key: string;
      value: string;
      encrypted: number;
    }[];
    expect(rows.map((r) => [r.key, r.encrypted])).toEqual([
      ['secret:prod:apiKey', 1],
      ['secret:prod:clientId', 1],
    ]);
    for (const r of rows) {
      expect(r.value).not.toContain(API_KEY);
      expect(Buffer.from(r.value, 'base64').toString('latin1')).not.toContain('short-id');
    }
    expect(secrets.get('prod', 'apiKey')).toBe(API_KEY);
    expect(secrets.get('demo', 'apiKey')).toBeNull();
    expect(secrets.state('prod')).toEqual({
      clientId: { set: true, masked: null, unreadable: false },
      clientSecret: { set: false, masked: null, unreadable: false },
      apiKey: { set: true, masked: '••••c9', unreadable: false },
    });
    secrets.set('prod', 'apiKey', null);
    expect(secrets.state('prod').apiKey.set).toBe(false);
  });

  it('treats a value sealed for another row, another key, or stored in clear as unreadable', () => {
    const db = openKioskDatabase(':memory:');
    const box = new SecretBox(randomBytes(32));
    const secrets = new SecretSettings(db, box);
    secrets.set('demo', 'clientSecret', 'cs-0123456789abcdef');
    // copied into another row: the label no longer matches
    db.prepare(
      "INSERT INTO settings (key, value, encrypted, updated_at) SELECT 'secret:prod:clientSecret', value, 1, updated_at FROM settings WHERE key = 'secret:demo:clientSecret'",
    ).run();
    expect(secrets.state('prod').clientSecret).toEqual({ set: true, masked: null, unreadable: true });
    expect(secrets.get('prod', 'clientSecret')).toBeNull();
    // another kiosk's key
    expect(new SecretSettings(db, new SecretBox(randomBytes(32))).get('demo', 'clientSecret')).toBeNull();
    // written in clear by hand
    db.prepare(
      "INSERT INTO settings (key, value, encrypted, updated_at) VALUES ('secret:preprod:apiKey', 'plain', 0, 'now')",
    ).run();
    expect(secrets.get('preprod', 'apiKey')).toBeNull();
    expect(secrets.state('preprod').apiKey.unreadable).toBe(true);
  });
});
