"""What the newsletter tells the rest of the site, which it does not know (pyproject.toml's
contracts): an issue has started going out, so it now appears in the public archive (/lettre/).
The page cache listens to it as to a publication (AimfPortalConfig.ready())."""

from django.dispatch import Signal

# Sent with instance=<the NewsletterIssuePage> when the first message of its send is about to go.
issue_sent = Signal()
