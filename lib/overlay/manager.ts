/**
 * The feature manager (refined-github's shape): features register what pages they apply to and an `init`; the manager
 * owns page matching, SPA navigation, abort and clean-up. A feature never writes navigation code of its own, and one
 * feature's failure never reaches another feature or the page.
 */

export interface FeatureContext {
  /** Aborted when the page navigates away (SPA or not) or the extension is reloaded: undo everything on it. */
  signal: AbortSignal;
  url: URL;
}

export interface Feature {
  /** Equal to the feature's file name (checked by features.test.ts). */
  id: string;
  include: ReadonlyArray<(url: URL) => boolean>;
  init(ctx: FeatureContext): void | Promise<void>;
}

export interface Manager {
  add(feature: Feature): void;
  /**
   * Run the features that match the page, and again on every location change. `onLocationChange` must pass the new
   * URL: WXT announces SPA navigations from the Navigation API's `navigate` event, before `location` is updated.
   */
  start(root: AbortSignal, onLocationChange: (listener: (url: URL) => void) => void): void;
  readonly features: readonly Feature[];
}

export function createManager(log: (message: string, error: unknown) => void = () => undefined): Manager {
  const features: Feature[] = [];
  let current: AbortController | undefined;

  const run = (root: AbortSignal, url: URL) => {
    current?.abort();
    if (root.aborted) return;
    const controller = new AbortController();
    current = controller;
    root.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    for (const feature of features) {
      if (!feature.include.some((matches) => matches(url))) continue;
      try {
        Promise.resolve(feature.init({ signal: controller.signal, url })).catch((error: unknown) => log(feature.id, error));
      } catch (error) {
        log(feature.id, error);
      }
    }
  };

  return {
    features,
    add: (feature) => void features.push(feature),
    start(root, onLocationChange) {
      run(root, new URL(location.href));
      onLocationChange((url) => run(root, url));
    },
  };
}
