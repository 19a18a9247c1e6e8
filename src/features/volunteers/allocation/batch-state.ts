// The state of a batch allocation: the prepared cases, the pair picked for each, and how much of each volunteer's
// remaining capacity the picks use (a volunteer already on a case uses none there). Used by batch-allocation.ts.
import type { PairingVolunteer } from '../pairing/pairing.types.ts';
import { bestPairs, type PreparedCase, type RankedPair } from '../pairing/pairing.ts';
import { pairScore, type Scored } from '../pairing/pair-score.ts';

export type Pick = RankedPair | null;

export class BatchState {
  readonly prepared: PreparedCase[];
  readonly picks: Pick[];
  /** Remaining capacity per volunteer, and how much of it the picks use. */
  readonly room: Int32Array;
  readonly used: Int32Array;
  /** Per case, parallel to its candidates: the volunteer's index, and the capacity a pick there uses (0 or 1). */
  readonly volunteerAt: Int32Array[];
  readonly costAt: Uint8Array[];
  private readonly index = new Map<string, number>();
  private readonly slot: Map<string, number>[];
  /** For each volunteer, the cases whose pick includes them. */
  private readonly casesOf: Set<number>[];
  /** For each volunteer, the cases they are eligible for, in order. */
  private readonly eligibleFor: number[][];

  constructor(prepared: PreparedCase[], volunteers: readonly PairingVolunteer[]) {
    this.prepared = prepared;
    volunteers.forEach((v, i) => {
      this.index.set(v.id, i);
    });
    this.room = Int32Array.from(volunteers, (v) => Math.max(0, v.maxActiveCases - v.activeCases));
    this.used = new Int32Array(volunteers.length);
    this.casesOf = volunteers.map(() => new Set<number>());
    this.picks = prepared.map(() => null);
    this.slot = prepared.map((p) => new Map(p.candidates.map((x, i) => [x.v.id, i])));
    this.volunteerAt = prepared.map((p) => Int32Array.from(p.candidates, (x) => this.index.get(x.v.id)!));
    this.eligibleFor = volunteers.map(() => []);
    this.volunteerAt.forEach((at, k) => {
      for (const v of at) this.eligibleFor[v]!.push(k);
    });
    this.costAt = prepared.map((p) => {
      const current = new Set(p.c.currentVolunteerIds);
      return Uint8Array.from(p.candidates, (x) => (current.has(x.v.id) ? 0 : 1));
    });
  }

  /** Case k's candidate with this id (the volunteer scored for case k), if they are eligible for it. */
  candidate = (k: number, id: string): Scored | undefined => {
    const i = this.slot[k]!.get(id);
    return i === undefined ? undefined : this.prepared[k]!.candidates[i];
  };
  private cost = (k: number, x: Scored) => this.costAt[k]![this.slot[k]!.get(x.v.id)!]!;
  private at = (x: Scored) => this.index.get(x.v.id)!;
  hasRoom = (k: number, x: Scored) => this.cost(k, x) === 0 || this.used[this.at(x)]! < this.room[this.at(x)]!;
  casesUsing = (x: Scored) => this.casesOf[this.at(x)]!;
  casesEligible = (x: Scored) => this.eligibleFor[this.at(x)]!;
  score = (k: number, a: Scored, b: Scored): RankedPair => ({ a, b, score: pairScore(a, b, this.prepared[k]!.setting) });

  set(k: number, pick: Pick) {
    const old = this.picks[k];
    if (old) {
      for (const x of [old.a, old.b]) {
        this.used[this.at(x)]! -= this.cost(k, x);
        this.casesOf[this.at(x)]!.delete(k);
      }
    }
    this.picks[k] = pick;
    if (pick) {
      for (const x of [pick.a, pick.b]) {
        this.used[this.at(x)]! += this.cost(k, x);
        this.casesOf[this.at(x)]!.add(k);
      }
    }
  }

  clear() {
    for (let k = 0; k < this.picks.length; k++) this.set(k, null);
  }

  /** The best pairs for case k among volunteers with room (release its own pick first to include it). */
  best(k: number, limit: number): RankedPair[] {
    const p = this.prepared[k]!;
    return bestPairs(
      p.candidates.filter((x) => this.hasRoom(k, x)),
      p.setting,
      limit,
    );
  }

  total = () => this.picks.reduce((sum, p) => sum + (p ? p.score : 0), 0);
}
