import type { StateCreator } from 'zustand';
import type { RegistrarState } from '#shared/contract/registrar';
import type { ActivitySlice } from './activity';
import type { AccountsSlice } from './accounts';
import type { AssistedSlice } from './assisted';
import type { AuditSlice } from './audit';
import type { DirectorySlice } from './directory';
import type { ModeSlice } from './mode';
import type { OutboxSlice } from './outbox';
import type { OverviewSlice } from './overview';
import type { SettingsSlice } from './settings';
import type { TrustSlice } from './trust';

/** What the whole registrar store holds: every slice, plus the one way to drop the panel's views. */
export type RegistrarStore = ActivitySlice &
  ModeSlice &
  AssistedSlice &
  OverviewSlice &
  OutboxSlice &
  DirectorySlice &
  SettingsSlice &
  TrustSlice &
  AuditSlice &
  AccountsSlice & {
    /** Drops every panel view and message (sign-out, hand-back): the next registrar starts from nothing. */
    forget(status: RegistrarState): void;
  };

/** One part of the registrar store: its own data and actions, reading the rest through `get`. */
export type RegistrarSlice<T> = StateCreator<RegistrarStore, [], [], T>;
