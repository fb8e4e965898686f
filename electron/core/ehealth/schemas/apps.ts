import { z } from 'zod';
import { str } from './common';

/** An approval: an e-cabinet / client application with access to the patient's data. */
export const App = z.looseObject({
  id: z.string(),
  created_at: str,
  updated_at: str,
  user_id: str,
  applicant_user_id: str,
  client_name: str,
  client_id: str,
  /** Space-delimited scopes. */
  scope: str,
});
export type App = z.infer<typeof App>;
