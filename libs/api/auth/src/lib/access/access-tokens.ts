import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type Actor, type ApiConfig } from '@banjie/api-core';
import type { Role, ZoneId } from '@banjie/contracts';
import jwt from 'jsonwebtoken';
import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';

/** How many verified tokens are kept (the least recently verified goes first). */
const VERIFIED_TOKENS = 10_000;

interface AccessClaims {
  sub: string;
  name: string;
  roles: Role[];
  zoneId: ZoneId;
  groups: string[];
  /** The user's token generation when issued (left out on tokens from before generations: 0). */
  gen?: number;
}

/** A checked token: the actor it carries and the user's token generation it was issued in. */
export interface VerifiedToken {
  actor: Actor;
  generation: number;
  /** When the token expires (ms since the epoch). */
  expiresMs: number;
}

/** Signs and checks the api's access tokens: HS256 JWTs carrying the user's roles, zone and groups. */
@Injectable()
export class AccessTokens {
  /** Built once: jsonwebtoken would otherwise turn the secret into a key on every call (≈1 ms). */
  private readonly key: KeyObject;
  /** Tokens whose signature was checked, newest last, with the actor they carry and when they expire. */
  private readonly verified = new Map<string, { actor: Actor; generation: number; expiresMs: number }>();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  /** A token for the actor, in the user's current token generation (a later change of password or access ends it). */
  issue(actor: Actor, generation = 0): string {
    const claims: AccessClaims = { sub: actor.id, name: actor.name, roles: actor.roles, zoneId: actor.zoneId, groups: actor.groups, gen: generation };
    // a fresh `jti` per token: two sign-ins in the same second would otherwise be the same token,
    // and signing out of one (revocation is by the token's hash) would end the other
    return jwt.sign(claims, this.key, { algorithm: 'HS256', expiresIn: this.config.tokenTtlSeconds, issuer: 'banjie', jwtid: randomUUID() });
  }

  /** The actor of a valid token, or undefined when the token is bad or expired. */
  verify(token: string): Actor | undefined {
    return this.check(token)?.actor;
  }

  /** The actor and token generation of a valid token, or undefined when the token is bad or expired. */
  check(token: string): VerifiedToken | undefined {
    // Every request of a session sends the same token: its signature is checked once, its expiry every time.
    const known = this.verified.get(token);
    if (known && known.expiresMs > Date.now()) return { actor: { ...known.actor }, generation: known.generation, expiresMs: known.expiresMs };
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: 'banjie' }) as AccessClaims & { exp?: number };
      // A token without an expiry would be good forever: refused, whoever signed it.
      if (typeof claims.exp !== 'number') return undefined;
      const actor: Actor = { id: claims.sub, name: claims.name, roles: claims.roles, zoneId: claims.zoneId, groups: claims.groups };
      const generation = typeof claims.gen === 'number' ? claims.gen : 0;
      this.remember(token, actor, generation, claims.exp * 1000);
      return { actor: { ...actor }, generation, expiresMs: claims.exp * 1000 };
    } catch {
      return undefined;
    }
  }

  private remember(token: string, actor: Actor, generation: number, expiresMs: number): void {
    this.verified.delete(token);
    this.verified.set(token, { actor, generation, expiresMs });
    if (this.verified.size > VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
  }
}
