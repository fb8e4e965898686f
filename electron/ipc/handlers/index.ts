import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';
import { actingHandlers } from './acting';
import { appHandlers } from './app';
import { appsHandlers } from './apps';
import { declarationsHandlers } from './declarations';
import { doctorsHandlers } from './doctors';
import { documentsHandlers } from './documents';
import { receiptsHandlers } from './receipts';
import { outboxHandlers } from './outbox';
import { personHandlers } from './person';
import { registrarHandlers } from './registrar';
import { sessionHandlers } from './session';
import { signinHandlers } from './signin';

/** The contract's channels bound to the services: one file per domain. */
export const createHandlers = (s: KioskServices): Handlers => ({
  ...appHandlers(s),
  ...sessionHandlers(s),
  ...outboxHandlers(s),
  ...personHandlers(s),
  ...documentsHandlers(s),
  ...doctorsHandlers(s),
  ...declarationsHandlers(s),
  ...appsHandlers(s),
  ...receiptsHandlers(s),
  ...signinHandlers(s),
  ...actingHandlers(s),
  ...registrarHandlers(s),
});
