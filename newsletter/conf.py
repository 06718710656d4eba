"""The newsletter's settings, each with a default so the app works before anyone sets them.

Read at call time (not import time) so that tests and `override_settings` see the current value.
"""

from django.conf import settings

DAY = 24 * 60 * 60

DEFAULTS = {
    # Unconfirmed sign-ups are deleted after this many days (`newsletter_purge_pending`).
    "PENDING_DAYS": 30,
    # Subscribers without activity for this long are listed for re-consent (CNIL: 3 years).
    "INACTIVE_DAYS": 3 * 365,
    # How long a confirmation link works.
    "CONFIRMATION_MAX_AGE": 7 * DAY,
    # A form sent back faster than this after it was shown is treated as a robot's.
    "MIN_FILL_SECONDS": 2,
    # Accepted sign-up or resend requests per network (IPv4 address or IPv6 /64) per window.
    "REQUESTS_PER_IP": 5,
    "IP_WINDOW_SECONDS": 10 * 60,
    # Emails sent to one address per window: confirmation, "already subscribed" or new link.
    "EMAILS_PER_ADDRESS": 3,
    "ADDRESS_WINDOW_SECONDS": DAY,
    # A sign-up form's signed timestamp is accepted for this long; older, the form is shown again.
    "FORM_MAX_AGE_SECONDS": 2 * 60 * 60,
    # Emails to one address per window whatever the network asking: past it, requests are still
    # recorded and answered as usual, but no more email goes out (the inbox is not flooded).
    "EMAILS_PER_ADDRESS_ALL_NETWORKS": 10,
    # Messages of a newsletter issue handed to the email backend per minute; 0: no limit.
    "SEND_RATE_PER_MINUTE": 600,
    # A sending worker renews its hold on a campaign this often; if it dies, another worker
    # takes over after this long.
    "WORKER_LEASE_SECONDS": 60,
    # Recipients read from the database at once by the sending worker.
    "SEND_BATCH_SIZE": 200,
    # Temporary bounces before an address is excluded (a hard bounce or a complaint: at once).
    "SOFT_BOUNCE_LIMIT": 3,
    # The slug of the privacy policy page (a StandardPage) the consent checkbox links to.
    "PRIVACY_PAGE_SLUG": "politique-de-confidentialite",
}


def newsletter_setting(name):
    """NEWSLETTER_<name> from the settings, or its default."""
    return getattr(settings, f"NEWSLETTER_{name}", DEFAULTS[name])


def hash_key():
    """The key of every keyed hash; its own setting so rotating SECRET_KEY keeps the suppression
    list working."""
    return getattr(settings, "NEWSLETTER_HASH_KEY", "") or settings.SECRET_KEY
