/* Fixture stand-in for Klaviyo's onsite script that reads no field: one
   page-view event without user data. */
(function () {
  fetch('https://a.klaviyo.com/client/events/?company_id=LnTr9x&metric=Viewed%20Page', {mode: 'no-cors', keepalive: true});
})();
