import { z } from 'zod';
import type { EhealthClient, EhealthResult, TokenSource } from '../client';
import { PIS_PATHS } from '../paths';
import {
  Declaration,
  DeclarationListItem,
  DeclarationRequest,
  DeclarationRequestListItem,
} from '../schemas/declarations';
import type { Mutation, PageQuery } from './person';

export type DateRangeQuery = {
  start_date_from?: string;
  start_date_to?: string;
  end_date_from?: string;
  end_date_to?: string;
};

/** Declarations (the patient's contracts with primary-care doctors) and declaration requests. */
export const declarationsApi = (client: EhealthClient) => ({
  list: (
    auth: TokenSource,
    q: PageQuery & DateRangeQuery & { status?: string } = {},
  ): Promise<EhealthResult<DeclarationListItem[]>> =>
    client.call({
      method: 'GET',
      path: PIS_PATHS.declarations,
      auth,
      query: q,
      data: z.array(DeclarationListItem),
    }),

  get: (auth: TokenSource, id: string): Promise<EhealthResult<Declaration>> =>
    client.call({ method: 'GET', path: PIS_PATHS.declaration(id), auth, data: Declaration }),

  terminate: (
    auth: TokenSource,
    id: string,
    reasonDescription?: string,
    m: Mutation = {},
  ): Promise<EhealthResult<Declaration>> =>
    client.call({
      method: 'PATCH',
      path: PIS_PATHS.declarationTerminate(id),
      auth,
      body: reasonDescription ? { reason_description: reasonDescription } : {},
      data: Declaration,
      ...m,
    }),
});

export const declarationRequestsApi = (client: EhealthClient) => ({
  /** Creates a request for a doctor; the answer holds `data_to_be_signed` and the printout. */
  create: (
    auth: TokenSource,
    body: { employee_id: string; division_id: string },
    m: Mutation = {},
  ): Promise<EhealthResult<DeclarationRequest>> =>
    client.call({
      method: 'POST',
      path: PIS_PATHS.declarationRequests,
      auth,
      body,
      data: DeclarationRequest,
      ...m,
    }),

  list: (
    auth: TokenSource,
    q: PageQuery & DateRangeQuery & { status?: string; channel?: string } = {},
  ): Promise<EhealthResult<DeclarationRequestListItem[]>> =>
    client.call({
      method: 'GET',
      path: PIS_PATHS.declarationRequests,
      auth,
      query: q,
      data: z.array(DeclarationRequestListItem),
    }),

  get: (auth: TokenSource, id: string): Promise<EhealthResult<DeclarationRequest>> =>
    client.call({ method: 'GET', path: PIS_PATHS.declarationRequest(id), auth, data: DeclarationRequest }),

  /** Sends the patient's signature over `data_to_be_signed`. */
  sign: (
    auth: TokenSource,
    id: string,
    signedContent: string,
    m: Mutation = {},
  ): Promise<EhealthResult<DeclarationRequest>> =>
    client.call({
      method: 'PATCH',
      path: PIS_PATHS.declarationRequestSign(id),
      auth,
      body: { signed_content: signedContent, signed_content_encoding: 'base64' },
      data: DeclarationRequest,
      ...m,
    }),

  reject: (auth: TokenSource, id: string, m: Mutation = {}): Promise<EhealthResult<DeclarationRequest>> =>
    client.call({
      method: 'PATCH',
      path: PIS_PATHS.declarationRequestReject(id),
      auth,
      data: DeclarationRequest,
      ...m,
    }),
});
