/** eHealth's person rules as pure functions, shared by the renderer's forms and main's checks. */
export * from './address';
export * from './contacts';
export * from './dates';
export * from './documents';
export * from './names';
export * from './normalize';
export * from './registration';
export * from './tax-id';
export * from './types';
export * from './unzr';
export * from './validate';
