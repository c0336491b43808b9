import helmet from 'helmet';

/**
 * Security headers on every response, the web app's and the api's. The policy lets the Angular
 * app, bpmn-js and form-js run from this origin only: their inline styles and `style` attributes
 * are allowed, inline scripts are not; images may be data or blob URLs (diagram exports, icons).
 * `upgrade-insecure-requests` stays off so a deployment on plain HTTP inside a zone network works.
 */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
