import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { csvBody, CurrentUser, notFound, ParseIdPipe, Principal, Public } from '@app/core';
import { Request, Response } from 'express';
import { BoothImportService } from './booth-import.service';
import { BoothImportReport } from './exhibitor.inputs';
import { ExhibitorsService } from './exhibitors.service';
import { renderFloorPlan } from './floor-plan';
import { logoTooLarge } from './logo';

/**
 * The raw body, up to `limit` bytes: 413 (naming the limit) as soon as the declared length or the
 * bytes read pass it; the rest of an oversized body is read and dropped so the client gets the answer.
 */
function readBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > limit) {
      req.resume();
      return reject(logoTooLarge(limit));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        return reject(logoTooLarge(limit));
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
      settled = true;
    });
    req.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
  });
}

@Controller()
export class ExhibitorsController {
  constructor(
    private readonly service: ExhibitorsService,
    private readonly imports: BoothImportService,
  ) {}

  /** The floor plan as an image to embed (`<img src>` or `<object>`). */
  @Public()
  @Get('floor-plans/:file')
  async floorPlan(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const hallId = /^([0-9a-f-]{36})\.svg$/i.exec(file)?.[1];
    if (!hallId) throw notFound('Floor plan');
    const { hall, booths } = await this.service.floorPlan(new ParseIdPipe('hallId').transform(hallId)!);
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.send(renderFloorPlan(hall, booths));
  }

  /**
   * An exhibitor's logo upload: the image itself as the body (Content-Type image/png, image/jpeg,
   * image/webp or image/gif), by a bearer of its admins or an organizer. 413 over LOGO_MAX_BYTES,
   * 415 for another type (SVG included) or bytes that are not that image; answers { logoUrl }.
   */
  @Post('logos/:exhibitorId')
  @HttpCode(200)
  uploadLogo(
    @CurrentUser() user: Principal,
    @Param('exhibitorId', new ParseIdPipe('exhibitorId')) exhibitorId: string,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: Request,
  ): Promise<{ logoUrl: string }> {
    return this.service.uploadLogo(user, exhibitorId, contentType, (limit) => readBody(req, limit));
  }

  /**
   * An exhibitor's logo with its type, never sniffed into anything else; cached for a year when asked
   * by its current versioned URL (Exhibitor.logoUrl), five minutes otherwise. 404 when it has none.
   */
  @Public()
  @Get('logos/:exhibitorId')
  async logo(
    @Param('exhibitorId', new ParseIdPipe('exhibitorId')) exhibitorId: string,
    @Query('v') version: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const logo = await this.service.logo(exhibitorId);
    if (!logo) throw notFound('Logo');
    const current = version === String(logo.updatedAt.getTime());
    res.setHeader('Content-Type', logo.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    res.setHeader('Last-Modified', logo.updatedAt.toUTCString());
    res.send(logo.data);
  }

  /** CSV upload of a floor plan for organizers: code, hall, x, y, width, depth (metres), type. */
  @Post('editions/:editionId/booths/import')
  @HttpCode(200)
  import(
    @CurrentUser() user: Principal,
    @Param('editionId', new ParseIdPipe('editionId')) editionId: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<BoothImportReport> {
    return this.imports.importCsv(user, editionId, csvBody(body, contentType));
  }
}
