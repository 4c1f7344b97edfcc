import { CircleHelp, CircleSlash, MapPin, Store, Truck, type LucideIcon } from 'lucide-react';
import type { StockStatus } from '../../../../shared/api/catalog';

/** One icon per stock status (words always beside it): the same on the size grid, the choice and the stores. */
export const STATUS_ICONS: Record<StockStatus, LucideIcon> = { here: Store, nearby: MapPin, online: Truck, soldout: CircleSlash };

/** Stock not known (not read yet, or the read failed). */
export const UNKNOWN_ICON: LucideIcon = CircleHelp;
