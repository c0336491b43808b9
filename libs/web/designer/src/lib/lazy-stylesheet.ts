/**
 * Adds the stylesheet of a lazy style bundle of the web app (`apps/web/project.json`, `inject:
 * false`) to the page once, when the editor that needs it is first opened.
 */
export function loadLazyStylesheet(bundle: string): void {
  if (document.querySelector(`link[data-bj-style="${bundle}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = bundle;
  link.dataset['bjStyle'] = bundle;
  document.head.appendChild(link);
}
