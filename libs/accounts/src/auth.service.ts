import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig, conflict, isPgError, PgCode, Principal, TokenClaims, unauthenticated } from '@app/core';
import { hash, verify } from '@node-rs/argon2';
import { In, Repository } from 'typeorm';
import { AuthPayload, SignUpInput } from './auth.inputs';
import { LoginLimiter } from './login-limiter';
import { User } from './user.entity';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A hash to verify against when the email is unknown, so both cases take the same time. */
const DUMMY_HASH = hash('not-a-real-password');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    private readonly config: AppConfig,
  ) {}

  /** Creates the first organizer from ORGANIZER_EMAIL / ORGANIZER_PASSWORD when missing. */
  async onApplicationBootstrap(): Promise<void> {
    const { organizerEmail, organizerPassword } = this.config;
    if (!organizerEmail || !organizerPassword) return;
    const email = normalizeEmail(organizerEmail);
    const existing = await this.users.findOneBy({ email });
    if (existing?.isAdmin) return;
    if (existing) {
      await this.users.update(existing.id, { isAdmin: true });
    } else {
      await this.users
        .insert({ email, name: 'Organizer', passwordHash: await hash(organizerPassword), isAdmin: true })
        .catch((error) => { if (!isPgError(error, PgCode.UNIQUE_VIOLATION)) throw error; });
    }
    this.logger.log(`organizer account ${email} is ready`);
  }

  async signUp(input: SignUpInput): Promise<AuthPayload> {
    const email = normalizeEmail(input.email);
    try {
      const user = await this.users.save(this.users.create({ email, name: input.name.trim(), passwordHash: await hash(input.password), isAdmin: false }));
      return this.payload(user);
    } catch (error) {
      if (isPgError(error, PgCode.UNIQUE_VIOLATION)) throw conflict('An account with this email already exists', { field: 'email' });
      throw error;
    }
  }

  async login(rawEmail: string, password: string, ip: string): Promise<AuthPayload> {
    const email = normalizeEmail(rawEmail);
    await this.limiter.check(email, ip);
    const user = await this.users.findOneBy({ email });
    const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
    if (!user || !ok) {
      await this.limiter.failed(email);
      throw unauthenticated('Wrong email or password');
    }
    await this.limiter.succeeded(email);
    return this.payload(user);
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<User[]> {
    return this.users.findBy({ id: In([...ids]) });
  }

  tokenFor(user: Pick<User, 'id' | 'email' | 'isAdmin'>): string {
    const claims: TokenClaims = { sub: user.id, email: user.email, adm: user.isAdmin || undefined };
    return this.jwt.sign(claims);
  }

  private payload(user: User): AuthPayload {
    return { token: this.tokenFor(user), user };
  }

  static principalOf(user: User): Principal {
    return { userId: user.id, email: user.email, isAdmin: user.isAdmin };
  }
}
