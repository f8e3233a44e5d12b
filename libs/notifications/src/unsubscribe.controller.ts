import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { escapeXml as escape, htmlPage as page, Public } from '@app/core';
import { Response } from 'express';
import { NotificationsService } from './notifications.service';

/**
 * The unsubscribe link of every mail. GET shows a confirmation button (mail scanners follow links,
 * and must not unsubscribe anyone); POST unsubscribes, which is also what mail clients' one-click
 * unsubscribe (RFC 8058, List-Unsubscribe-Post) sends.
 */
@Public()
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly service: NotificationsService) {}

  @Get()
  confirm(
    @Query('edition') edition = '',
    @Query('email') email = '',
    @Query('token') token = '',
    @Res() res: Response,
  ): void {
    const query = new URLSearchParams({ edition, email, token });
    res
      .type('html')
      .send(
        page(
          'Schedule updates by mail',
          `<p>Stop mails about schedule changes to <b>${escape(email)}</b>? You will still see them in the app.</p><form method="post" action="?${escape(query.toString())}"><button type="submit">Unsubscribe</button></form>`,
        ),
      );
  }

  @Post()
  @HttpCode(200)
  async unsubscribe(
    @Query('edition') edition = '',
    @Query('email') email = '',
    @Query('token') token = '',
    @Res() res: Response,
  ): Promise<void> {
    const done = /^[0-9a-f-]{36}$/i.test(edition) && (await this.service.unsubscribe(edition, email, token));
    if (!done) {
      res
        .status(400)
        .type('html')
        .send(
          page(
            'Link not valid',
            '<p>This unsubscribe link is not valid. Use the latest link from one of our mails.</p>',
          ),
        );
      return;
    }
    res
      .type('html')
      .send(
        page(
          'Unsubscribed',
          `<p>No more schedule-update mails to <b>${escape(email)}</b>. You can turn them back on in the app.</p>`,
        ),
      );
  }
}
