// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/js/govuk-frontend.js';

initAll();
