import { z } from 'zod';
import { str } from './common';

export const Nonce = z.looseObject({ token: z.string().min(1) });

/** `Access_Token` of /api/pis/sign-in and /oauth/tokens. The refresh token comes in `details` at sign-in only. */
export const AccessToken = z.looseObject({
  value: z.string().min(1),
  user_id: str,
  name: str,
  id: str,
  expires_at: z.union([z.number(), z.string()]).nullish(),
  user: z.looseObject({ person_id: str }).nullish(),
  details: z
    .looseObject({
      app_id: str,
      applicant_user_id: str,
      applicant_person_id: str,
      scope: str,
      refresh_token: str,
      grant_type: str,
      client_id: str,
    })
    .nullish(),
});
export type AccessToken = z.infer<typeof AccessToken>;

export const Logout = z.unknown();

/** `POST /api/sms_verifications`: a code was sent, or the phone needs none. */
export const SmsVerification = z.looseObject({ result: z.string() });
export type SmsVerification = z.infer<typeof SmsVerification>;

/** `POST /api/pis/sign-up`: the registered person, their user and an access token. */
export const SignUp = z.looseObject({
  person: z.looseObject({ id: z.string().min(1) }),
  user: z.looseObject({ tax_id: z.string().nullish() }).nullish(),
  token: AccessToken,
});
export type SignUp = z.infer<typeof SignUp>;
