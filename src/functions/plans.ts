import { AMOUNT, CAP, PAIR_SIZE, SHARE } from "../core/domains";
import { binary, differential, stairStep } from "../core/plans";
import { define, flag, list, number, optional, orient, shapedList } from "./runner";

const BINARY = define(
  "BINARY",
  [
    list("left_volumes", AMOUNT),
    list("right_volumes", AMOUNT),
    // Not a share: per unit of matched volume it may be 0.1, per pair (or per unit, "25 per unit") any amount.
    number("rate", AMOUNT),
    optional<number | undefined>(number("cap", CAP), undefined),
    optional(flag("flush"), false),
    optional<number | undefined>(number("pair_size", PAIR_SIZE), undefined),
  ],
  // Legs of different lengths are #VALUE!: core's rule, checked there.
  (left, right, rate, cap, flush, pairSize) => binary(left, right, { rate, cap, flush, pairSize })
);
const STAIRSTEP = define(
  "STAIRSTEP",
  // No legs yet (a new distributor) is a real state: the rate of the personal volume on the personal
  // volume. Only the schedule must be there, one rate per threshold.
  [number("personal_volume", AMOUNT), list("leg_volumes", AMOUNT, { mayBeEmpty: true }), list("thresholds", AMOUNT), list("rates", SHARE)],
  (personal, legs, thresholds, rates) => stairStep(personal, legs, thresholds, rates)
);
const DIFFERENTIAL = define("DIFFERENTIAL", [number("volume", AMOUNT), shapedList("upline_rates", SHARE)], (volume, rates) =>
  orient(differential(volume, rates.values), rates.isRow)
);

/**
 * A binary plan period by period: each leg's volume adds to what it carries, the weaker leg is matched and paid.
 * @customfunction BINARY
 * @helpurl https://localhost:3000/help.html#BINARY
 * @param left_volumes New volume on the left leg in each period, as a row or a column (each 0 or more).
 * @param right_volumes New volume on the right leg in each period, as many periods as the left.
 * @param rate Paid per unit of matched volume (0.1 is 10%), or per whole pair when pair_size is given; 0 or more.
 * @param [cap] Most commission a period, above 0 (default: no cap).
 * @param [flush] TRUE: when capped, all matched volume leaves both legs; FALSE (default): only the volume paid on leaves, the rest carries.
 * @param [pair_size] Volume one pair needs on each leg, above 0: only whole pairs match (default: any volume matches).
 * @returns Rows of period, matched volume, commission, carry left and carry right.
 */
export function binaryTable(left_volumes: any[][], right_volumes: any[][], rate: number, cap?: number, flush?: boolean, pair_size?: number): number[][] {
  return BINARY(arguments) as number[][];
}

/**
 * A stair-step breakaway bonus: your rate from your group volume, less what each leg earns at its own rate.
 * @customfunction STAIRSTEP
 * @helpurl https://localhost:3000/help.html#STAIRSTEP
 * @param personal_volume Your own volume, 0 or more.
 * @param leg_volumes The group volume of each leg you sponsored (each 0 or more); blank or empty when you have no legs yet.
 * @param thresholds Group volumes where each rate starts, ascending (each 0 or more).
 * @param rates The rate earned from each threshold, each 0 to 1, as many as the thresholds.
 * @returns Your bonus: your rate x personal volume plus, on each leg, your rate less the leg's rate x its volume when positive.
 */
export function stairStepFn(personal_volume: number, leg_volumes: any[][], thresholds: any[][], rates: any[][]): number {
  return STAIRSTEP(arguments) as number;
}

/**
 * What each upline earns on one sale in a differential plan: volume x (its rate less the highest rate below it).
 * @customfunction DIFFERENTIAL
 * @helpurl https://localhost:3000/help.html#DIFFERENTIAL
 * @param volume The sale's volume, 0 or more.
 * @param upline_rates The rate of each upline, the seller's sponsor first, each 0 to 1, as a row or a column.
 * @returns What each upline earns, never negative, in the same orientation as the rates.
 */
export function differentialFn(volume: number, upline_rates: any[][]): number[][] {
  return DIFFERENTIAL(arguments) as number[][];
}
