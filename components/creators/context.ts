import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DetailStore } from './detail-store';
import type { ViewStore } from './view-store';

/** Each app's one store, given to its components through context (components/creators/*-app.tsx provide them). */
export const ViewStoreContext = createContext<ViewStore | undefined>(undefined);
export const DetailStoreContext = createContext<DetailStore | undefined>(undefined);

export function useViewStore(): ViewStore {
  const store = useContext(ViewStoreContext);
  if (!store) throw new Error('no creators view store provided');
  return store;
}

export function useDetailStore(): DetailStore {
  const store = useContext(DetailStoreContext);
  if (!store) throw new Error('no creator page store provided');
  return store;
}
