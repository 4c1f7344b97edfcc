import { useMemo } from 'react';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import type { OrderContext } from './orderWords';

/** The shopper's language with the store's locale and clock: what every price and date of an order needs. */
export function useOrderContext(info: ReadySystemInfo, language: Language): OrderContext {
  return useMemo(() => ({ language, storeLocale: info.locale, timeZone: info.timeZone }), [language, info.locale, info.timeZone]);
}
