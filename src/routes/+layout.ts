// A single-page app: rendered in the browser only, served by the fallback index.html.
export const ssr = false;
export const prerender = false;
