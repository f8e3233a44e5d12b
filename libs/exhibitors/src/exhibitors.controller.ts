import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { csvBody, CurrentUser, notFound, ParseIdPipe, Principal, Public } from '@app/core';
import { Response } from 'express';
import { BoothImportService } from './booth-import.service';
import { BoothImportReport } from './exhibitor.inputs';
import { ExhibitorsService } from './exhibitors.service';
import { renderFloorPlan } from './floor-plan';

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
