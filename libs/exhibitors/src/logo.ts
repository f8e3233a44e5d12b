import { HttpException, HttpStatus } from '@nestjs/common';

/** The image types a logo may have; SVG is refused (it can carry scripts and links). */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** The media type of a Content-Type header (parameters dropped, lower case), or '' without one. */
export const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0].trim().toLowerCase();

export const isLogoType = (type: string): type is LogoType => (LOGO_TYPES as readonly string[]).includes(type);

/** The image type the bytes are by their magic numbers, or null when they are none of LOGO_TYPES. */
export function sniffImage(bytes: Buffer): LogoType | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** 413 with a JSON body naming the limit. */
export const logoTooLarge = (limit: number) =>
  new HttpException(
    {
      statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
      code: 'PAYLOAD_TOO_LARGE',
      message: `A logo may have at most ${limit} bytes (${formatBytes(limit)})`,
      limitBytes: limit,
    },
    HttpStatus.PAYLOAD_TOO_LARGE,
  );

/** 415 with a JSON body saying what is accepted. */
export const logoUnsupported = (message: string) =>
  new HttpException(
    {
      statusCode: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `${message}; a logo is a PNG, JPEG, WebP or GIF image sent as the body with its Content-Type`,
      accepted: LOGO_TYPES,
    },
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  );

function formatBytes(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
