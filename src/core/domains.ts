import { outOfRange } from "./errors";

// Builtins read once: in a sandboxed host (jest's vm context, the custom-functions stand-in) each
// global lookup such as Number.isFinite costs ~150 ns, and these run once a cell of every range and result.
const finite = Number.isFinite;
const { trunc } = Math;

/**
 * What values an input may take, written once: the custom functions validate their arguments with
 * these, and the templates validate the task pane's and the CLI's inputs with the same ones.
 */
export interface Domain {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
  /** A whole count: the value is truncated toward zero first, like Excel's TRUNC. */
  readonly whole: boolean;
  /** Interval notation as the user reads it, e.g. "(0, 1]". */
  readonly text: string;
}

/** Parses interval notation: "(0,1]", "[0,inf)", "[1,1200]". */
export function interval(text: string, whole = false): Domain {
  const m = /^\s*([[(])\s*(-?inf|-?[\d.e+-]+)\s*,\s*(-?inf|-?[\d.e+-]+)\s*([\])])\s*$/.exec(text);
  if (!m) throw new Error(`bad interval ${text}`);
  const num = (s: string) => (s === "inf" ? Infinity : s === "-inf" ? -Infinity : Number(s));
  const lo = num(m[2]);
  const hi = num(m[3]);
  const show = (n: number) => (n === Infinity ? "∞" : n === -Infinity ? "-∞" : String(n));
  return { lo, hi, loOpen: m[1] === "(", hiOpen: m[4] === ")", whole, text: `${m[1]}${show(lo)}, ${show(hi)}${m[4]}` };
}

export function contains(domain: Domain, x: number): boolean {
  if (!finite(x)) return false;
  if (domain.loOpen ? x <= domain.lo : x < domain.lo) return false;
  if (domain.hiOpen ? x >= domain.hi : x > domain.hi) return false;
  return true;
}

/** Truncates a whole count, then checks it; throws a range error naming the input. */
export function checkIn(domain: Domain, x: number, name: string): number {
  const v = domain.whole ? trunc(x) : x;
  if (!contains(domain, v)) throw outOfRange(`${name} must be ${describe(domain)}; got ${x}`);
  return v;
}

export function describe(domain: Domain): string {
  const kind = domain.whole ? "a whole number" : "a number";
  if (domain.lo === 0 && domain.hi === Infinity) return domain.loOpen ? `${kind} above 0` : `${kind} of 0 or more`;
  return `${kind} in ${domain.text}`;
}

/** The domains of the product, by what the user calls them. */
export const ANY_NUMBER = interval("(-inf,inf)");
export const AMOUNT = interval("[0,inf)"); // money: goals, incomes, costs, volumes
export const PRICE = interval("(0,inf)"); // a price of 0 can never reach a goal
export const RATE = interval("(0,1]"); // conversion, close and commission rates
export const SHARE = interval("[0,1]"); // churn, attrition, retention, payout and level rates
export const TAX_RATE = interval("[0,1)"); // 100% tax can never be grossed up
export const GROWTH_RATE = interval("[0,inf)"); // monthly growth as a fraction
export const BASIS = interval("[0,1]", true); // 0: 360-day year of 30-day months; 1: 365 days
export const WORKDAYS_PER_WEEK = interval("(0,7]");
export const WEEKS_OFF = interval("[0,52)");
export const MONTHS = interval("[1,1200]", true);
export const LEVELS = interval("[1,100]", true);
export const COUNT = interval("[0,inf)", true); // sales, members: whole and not negative
export const RECRUITS = interval("[0,inf)"); // recruits per member: an average, so fractional
export const MEMBERS = interval("[0,inf)"); // members at a level as an expectation (a DOWNLINE column), so fractional
export const CAP = interval("(0,inf)"); // population and commission caps: a cap of 0 would leave nothing to model
export const PAIR_SIZE = interval("(0,inf)"); // volume a binary pair needs on each leg
export const WIDTH = interval("[1,inf)", true); // matrix width: whole positions under each member
export const NETWORK_SIZE = interval("[1,1000000]", true); // people a SIMULATE network may hold, the founder included
export const SEED = interval("[0,9007199254740991]", true); // a random seed: the same seed, the same simulation
export const SPREAD = interval("[0,100]"); // variance of SIMULATE's recruiting propensities (mean 1): 0 is everyone alike, 4 already very unequal
export const WEIGHT = interval("[0,100]"); // how much a criterion counts when scoring choices (Business Model template)
