export * from './addresses';
export * from './apps';
export * from './auth';
export * from './bulk';
export * from './common';
export * from './declarations';
export * from './person';
