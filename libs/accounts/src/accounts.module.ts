import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@app/core';
import { AccountMailer } from './account-mailer';
import { AccountTokens } from './account-tokens';
import { AccountRepository } from './account.repository';
import { AccountsProcessor } from './accounts.processor';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { User } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [AccountRepository, AuthService, AuthResolver, LoginLimiter, AccountTokens],
  exports: [AuthService],
})
export class AccountsModule {}

/** Worker side: account mails. */
@Module({
  imports: [MailModule],
  providers: [AccountRepository, AccountTokens, AccountMailer, AccountsProcessor],
})
export class AccountsWorkerModule {}
