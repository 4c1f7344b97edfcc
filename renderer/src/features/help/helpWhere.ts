import type { z } from 'zod';
import type { HelpInput } from '../../../../shared/api/shopper';
import { hasQuery, type Query } from '../search/searchQuery';

/** Where the shopper was when they called (staff see "at the product page of NV-10042"). */
export type HelpWhere = z.input<typeof HelpInput>;

/**
 * The session's routes as far as staff need them (`Route` has these shapes; a new screen added there
 * fails to type-check in App until it is named here too). Declared here so this stays free of the stores.
 */
type RouteShown =
  | { name: 'start' }
  | { name: 'product' | 'stores'; styleCode: string }
  | { name: 'bag' | 'checkout' | 'confirmation' }
  | { name: 'offer'; offerId: string };

/**
 * Where the shopper is, as staff will read it in the help queue. The start screen shows results for any
 * query — words, a category, or only a size or colour filter — so "results" follows `hasQuery`, the same
 * rule the screen itself uses.
 */
export function helpWhere(route: RouteShown, query: Query): HelpWhere {
  switch (route.name) {
    case 'start':
      return { screen: hasQuery(query) ? 'results' : 'start' };
    case 'product':
    case 'stores':
      return { screen: route.name, styleCode: route.styleCode };
    case 'bag':
    case 'checkout':
    case 'confirmation':
      return { screen: route.name };
    case 'offer':
      // The help queue has no word for an offer's screen (yet): staff read "elsewhere".
      return { screen: 'other' };
  }
}
