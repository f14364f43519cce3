export * from './accounts';
export * from './email';
export * from './municipalities';
export * from './organisations';
export * from './courses';
export * from './mentoring';
export * from './privacy';
export * from './open-figures';
