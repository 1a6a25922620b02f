/**
 * The party register: the State (UBND phường), households, individuals and organisations. All people and id
 * numbers are synthetic.
 */
import type { DemoParty, FormerUnitId } from './types';
import type { Rng } from './prng';
import { randomPerson, syntheticIdNumber, villageAddress } from './names';

export const STATE_PARTY_ID = 1;

export class PartyRegister {
  readonly parties: DemoParty[] = [
    { id: STATE_PARTY_ID, kind: 'state', name: 'UBND phường Trần Liễu', idNumber: null, address: 'Phường Trần Liễu, thành phố Hải Phòng' },
  ];
  private readonly householdsByUnit = new Map<FormerUnitId, number[]>();

  constructor(private readonly rng: Rng) {}

  private add(p: Omit<DemoParty, 'id'>): number {
    const id = this.parties.length + 1;
    this.parties.push({ id, ...p });
    return id;
  }

  /** A new household ('Hộ ông/bà …') living in the village. */
  household(unit: FormerUnitId, village: string | null): number {
    const person = randomPerson(this.rng);
    const id = this.add({
      kind: 'household',
      name: `Hộ ${person.male ? 'ông' : 'bà'} ${person.fullName}`,
      idNumber: syntheticIdNumber(this.rng, person),
      address: village ? villageAddress(village) : null,
    });
    const list = this.householdsByUnit.get(unit) ?? [];
    list.push(id);
    this.householdsByUnit.set(unit, list);
    return id;
  }

  /** An existing household of the unit (creating one if the unit has none yet). */
  existingHousehold(unit: FormerUnitId, village: string | null): number {
    const list = this.householdsByUnit.get(unit);
    return list && list.length > 0 ? this.rng.pick(list) : this.household(unit, village);
  }

  individual(village: string | null): number {
    const person = randomPerson(this.rng);
    return this.add({ kind: 'individual', name: person.fullName, idNumber: syntheticIdNumber(this.rng, person), address: village ? villageAddress(village) : null });
  }

  organisation(name: string, address: string | null): number {
    return this.add({ kind: 'organisation', name, idNumber: null, address });
  }
}
