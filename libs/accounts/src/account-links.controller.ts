import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { DomainError, escapeXml as escape, htmlPage as page, Public } from '@app/core';
import { Response } from 'express';
import { AuthService } from './auth.service';

const tokenOf = (value: unknown) => (typeof value === 'string' && value.length <= 200 ? value : '');

/**
 * The pages the account mails link to. GET only shows a button or a form (mail scanners open links
 * and must not use a single-use token); POST does the work through the same AuthService methods as
 * the GraphQL mutations. The web app may take these paths over later; the links stay the same.
 */
@Public()
@Controller()
export class AccountLinksController {
  constructor(private readonly auth: AuthService) {}

  @Get('verify-email')
  confirmAddress(@Query('token') token: unknown, @Res() res: Response): void {
    const action = `?token=${encodeURIComponent(tokenOf(token))}`;
    res.type('html').send(page('Confirm your email address', `<p>Confirm that this address is yours, so what was granted to it (your registration, badge and roles) reaches your account.</p><form method="post" action="${escape(action)}"><button type="submit">Confirm my email address</button></form>`));
  }

  @Post('verify-email')
  @HttpCode(200)
  async verifyAddress(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    try {
      await this.auth.verifyEmail(tokenOf(token));
      res.type('html').send(page('Address confirmed', '<p>Your email address is confirmed. You can close this page and sign in.</p>'));
    } catch (error) {
      this.refuse(res, error);
    }
  }

  @Get('reset-password')
  choosePassword(@Query('token') token: unknown, @Res() res: Response): void {
    const action = `?token=${encodeURIComponent(tokenOf(token))}`;
    res
      .type('html')
      .send(
        page(
          'Choose a new password',
          `<form method="post" action="${escape(action)}"><p><label for="newPassword">New password</label><br><input id="newPassword" name="newPassword" type="password" autocomplete="new-password" minlength="10" maxlength="200" required></p><p>At least 10 characters, not a common password. Every other sign-in ends.</p><button type="submit">Set password</button></form>`,
        ),
      );
  }

  @Post('reset-password')
  @HttpCode(200)
  async resetPassword(@Query('token') token: unknown, @Body() body: unknown, @Res() res: Response): Promise<void> {
    const password = (body as { newPassword?: unknown } | undefined)?.newPassword;
    try {
      await this.auth.resetPassword(tokenOf(token), typeof password === 'string' ? password : '');
      res.type('html').send(page('Password changed', '<p>Your new password is set and every other sign-in has ended. You can close this page and sign in.</p>'));
    } catch (error) {
      this.refuse(res, error);
    }
  }

  /** A refused link or password, in words; anything unexpected goes on to the exception filter. */
  private refuse(res: Response, error: unknown): void {
    if (!(error instanceof DomainError)) throw error;
    res.status(400).type('html').send(page('That did not work', `<p>${escape(error.message)}</p><p>Go back to try again, or ask for a new link in the app.</p>`));
  }
}
