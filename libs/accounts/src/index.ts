export * from './accounts.module';
export * from './auth.service';
export * from './auth.inputs';
export * from './user.entity';
export * from './password-policy';
