#!/bin/sh
# Installs real open-source consent managers (pinned, permissive licences)
# for TestNPMConsentManagers. CI runs it before the tests; the test skips
# when it was not run. Installs into ./node_modules (gitignored).
set -eu
cd "$(dirname "$0")"
npm install --no-audit --no-fund --ignore-scripts --no-save --no-package-lock \
  vanilla-cookieconsent@3.1.0 \
  klaro@0.7.22 \
  orejime@3.2.1 \
  tarteaucitronjs@1.34.0 \
  cookieconsent@3.1.1 \
  cookie-consent-js@2.1.12 \
  cookiecraft@1.0.11 \
  @porscheofficial/cookie-consent-banner@4.1.0 \
  cookie-notice@1.3.9 \
  @stormid/cookie-banner@1.0.3 \
  @dmstr/cookie-consent@0.4.1 \
  @demos-europe/dp-consent@1.3.0 \
  @walltowall/cookie-banner@1.0.5 \
  @htmlbricks/hb-cookie-law-banner@0.76.5 \
  jquery@3.7.1 \
  jquery-cookiebar@1.0.5 \
  django-cookie-consent@1.0.0
echo "consent managers installed in $(pwd)/node_modules"
# The test serves the packages as https://npm.test/<package>/...; like the
# public CDNs (unpkg, jsDelivr) with CORS, so that pages can load a package's
# ES modules (<script type="module">) from it.
printf '/*\n  Access-Control-Allow-Origin: *\n' > node_modules/_headers
mkdir -p www
ln -sfn ../node_modules www/npm.test
