// The wire table (what the core client sends) must say what the model (operations.ts) says: same
// operations, HTTP binding, bearer member, body members in model order and idempotency token.
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from './operations.js';
import type { Members } from './shapes.js';
import { WIRE } from './wire.js';

const bodyOf = (members: Members): string[] => Object.entries(members).filter(([, m]) => m.location === undefined).map(([name]) => name);

describe('WIRE agrees with the model in OPERATIONS', () => {
  it('has the same operations', () => {
    expect(Object.keys(WIRE).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  for (const [name, spec] of Object.entries(OPERATIONS)) {
    it(name, () => {
      const wire = WIRE[name as keyof typeof WIRE];
      expect({ method: wire.method, path: wire.path, tokenMember: wire.tokenMember }).toEqual({ method: spec.method, path: spec.path, tokenMember: spec.tokenMember });
      expect(wire.body).toEqual(bodyOf(spec.input));
      const idempotent = Object.entries(spec.input).filter(([, m]) => m.idempotencyToken).map(([n]) => n);
      expect(wire.idempotencyToken === undefined ? [] : [wire.idempotencyToken]).toEqual(idempotent);
      const structures = Object.fromEntries(
        Object.entries(spec.input).flatMap(([n, m]) => (m.shape.type === 'structure' ? [[n, Object.keys(m.shape.members)]] : [])),
      );
      expect(wire.structures ?? {}).toEqual(structures);
      // The path labels and the bearer token are the members not in the body.
      const elsewhere = Object.entries(spec.input).filter(([, m]) => m.location !== undefined).map(([n]) => n);
      expect(elsewhere.sort()).toEqual([spec.tokenMember, ...[...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])].sort());
    });
  }
});
