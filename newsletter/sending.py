"""Sending an issue to its audience, in a background worker (django-tasks).

Once per recipient: when sending starts, one Delivery row per recipient is written (the
audience is fixed then). Each message is then sent in its own transaction, which
1. claims the row (QUEUED → SENT; on SQLite this also takes the database's write lock),
2. locks the subscriber's row and reads its status: someone who withdrew is skipped,
3. hands the message to the email backend,
and commits. An unsubscription or erasure waits for that lock, so once it has committed, no
message leaves for that person. A worker killed between 3 and the commit leaves the row QUEUED:
the message is sent again on restart with the same Message-ID (the one duplicate possible).

A crashed worker is replaced without cron: each run holds a lease on the campaign, renewed
every batch, and leaves a task due when the lease ends; that task takes over a lease that was
not renewed, or, finding it renewed, waits for its next end.
"""

import logging
import smtplib
import time
import uuid
from datetime import timedelta
from email.utils import parseaddr

from anymail.exceptions import AnymailInvalidAddress, AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task, task_backends

from .conf import newsletter_setting
from .issue_email import IssueRenderError, render_issue
from .links import CAMPAIGN_QUERY_PARAMETER, absolute
from .models import Campaign, Delivery, Subscriber
from .privacy import keyed_hash
from .signals import issue_sent
from .tokens import preferences_token, unsubscribe_token

logger = logging.getLogger(__name__)

TASK_BACKEND = "newsletter"
# Errors about one recipient: that message fails, the others go on.
RECIPIENT_ERRORS = (smtplib.SMTPRecipientsRefused, AnymailRecipientsRefused, AnymailInvalidAddress)

NOT_PUBLISHED_MESSAGE = (
    "Ce numéro n'est pas publié : il doit être approuvé (workflow « Relecture ») et publié "
    "avant d'être envoyé."
)
UNPUBLISHED_CHANGES_MESSAGE = (
    "Ce numéro a des modifications qui ne sont pas publiées : faites-les approuver et publiez-"
    "les, ou annulez-les, avant l'envoi."
)
ALREADY_SENT_MESSAGE = "Ce numéro a déjà un envoi : une lettre ne part qu'une fois."
EMPTY_AUDIENCE_MESSAGE = "Aucun abonné confirmé ne correspond à cette audience : rien à envoyer."
CANNOT_SCHEDULE_MESSAGE = (
    "La programmation demande le processus d'envoi en arrière-plan (NEWSLETTER_TASKS=database "
    "et manage.py db_worker) : envoyez maintenant, ou faites-le configurer."
)
BACKEND_DOWN_MESSAGE = (
    "Le serveur d'envoi a refusé la connexion ({error}). L'envoi est en pause : reprenez-le "
    "une fois le problème réglé ; personne ne recevra la lettre deux fois."
)


ACTIVE_STATUSES = (Campaign.Status.SCHEDULED, Campaign.Status.SENDING, Campaign.Status.PAUSED)


class SendingRefused(Exception):
    """A send that cannot start; the message says why, in French."""


def audience(themes=()):
    """Confirmed subscribers, restricted to those who chose one of `themes` if any are given."""
    subscribers = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    theme_ids = [theme.pk for theme in themes]
    if theme_ids:
        chose_one = Subscriber.themes.through.objects.filter(
            subscriber_id=OuterRef("pk"), themepage_id__in=theme_ids
        )
        subscribers = subscribers.filter(Exists(chose_one))
    return subscribers


def can_defer():
    return task_backends[TASK_BACKEND].supports_defer


def check_sendable(issue):
    """Raise SendingRefused unless the approved, published version of the issue can be sent."""
    if not issue.live:
        raise SendingRefused(NOT_PUBLISHED_MESSAGE)
    if issue.has_unpublished_changes:
        raise SendingRefused(UNPUBLISHED_CHANGES_MESSAGE)
    if Campaign.objects.filter(issue=issue).exists():
        raise SendingRefused(ALREADY_SENT_MESSAGE)
    try:
        render_issue(issue.live_revision.as_object(), strict=True)
    except IssueRenderError as error:
        raise SendingRefused(str(error)) from error


def start_campaign(issue, themes, user, scheduled_at=None):
    """Create the issue's campaign and hand it to the worker; raises SendingRefused."""
    check_sendable(issue)
    if not audience(themes).exists():
        raise SendingRefused(EMPTY_AUDIENCE_MESSAGE)
    now = timezone.now()
    scheduled_at = scheduled_at or now
    if scheduled_at > now and not can_defer():
        raise SendingRefused(CANNOT_SCHEDULE_MESSAGE)
    with transaction.atomic():
        campaign = Campaign.objects.create(
            issue=issue,
            subject=issue.title,
            revision=issue.live_revision,
            scheduled_at=scheduled_at,
            created_by=user,
        )
        campaign.themes.set(themes)
        transaction.on_commit(lambda: enqueue(campaign.pk, run_after=scheduled_at))
    return campaign


def enqueue(campaign_id, run_after=None):
    if run_after is not None and run_after > timezone.now() and can_defer():
        send_campaign.using(run_after=run_after).enqueue(campaign_id)
    else:
        send_campaign.enqueue(campaign_id)


def pause(campaign):
    return Campaign.objects.filter(
        pk=campaign.pk, status__in=[Campaign.Status.SENDING, Campaign.Status.SCHEDULED]
    ).update(status=Campaign.Status.PAUSED)


def resume(campaign):
    resumed = Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.PAUSED).update(
        status=Campaign.Status.SENDING, last_error=""
    )
    if resumed:
        transaction.on_commit(lambda: enqueue(campaign.pk))
    return resumed


def cancel(campaign):
    with transaction.atomic():
        cancelled = Campaign.objects.filter(pk=campaign.pk, status__in=ACTIVE_STATUSES).update(
            status=Campaign.Status.CANCELLED, finished_at=timezone.now(), lease_until=None
        )
        if cancelled:
            campaign.deliveries.filter(status=Delivery.Status.QUEUED).update(
                status=Delivery.Status.CANCELLED
            )
    return cancelled


@task(backend=TASK_BACKEND, queue_name=TASK_BACKEND)
def send_campaign(campaign_id):
    """The worker's entry point (also the takeover task a run leaves behind)."""
    run_campaign(campaign_id)


def run_campaign(campaign_id, sleep=time.sleep, clock=time.monotonic):
    holder = uuid.uuid4().hex
    campaign = take_lease(campaign_id, holder)
    if campaign is None:
        return
    lease = timedelta(seconds=newsletter_setting("WORKER_LEASE_SECONDS"))
    if can_defer():
        # Runs when the lease would end: takes over if this run died, else waits again.
        send_campaign.using(run_after=campaign.lease_until + timedelta(seconds=1)).enqueue(
            campaign_id
        )
    try:
        prepare(campaign)
        issue = campaign.revision.as_object()
        rendered = render_issue(issue, strict=True)
    except IssueRenderError as error:
        stop(campaign, holder, Campaign.Status.PAUSED, str(error))
        return
    throttle = Throttle(newsletter_setting("SEND_RATE_PER_MINUTE"), sleep=sleep, clock=clock)
    connection = get_connection()
    last_pk = 0
    try:
        connection.open()
        while True:
            batch = list(
                campaign.deliveries.filter(status=Delivery.Status.QUEUED, pk__gt=last_pk)
                .order_by("pk")
                .values_list("pk", "subscriber_id")[: newsletter_setting("SEND_BATCH_SIZE")]
            )
            if not batch:
                finish(campaign, holder)
                return
            for delivery_id, subscriber_id in batch:
                throttle.wait()
                deliver(campaign, delivery_id, subscriber_id, rendered, connection)
            last_pk = batch[-1][0]
            if not renew_lease(campaign, holder, lease):
                return  # paused, cancelled, or taken over
    except Exception as error:
        # The connection or the server failed, not one address: stop before sending anything
        # more; the row being sent stayed QUEUED.
        logger.exception("Lettre : envoi n° %s interrompu", campaign_id)
        stop(campaign, holder, Campaign.Status.PAUSED, BACKEND_DOWN_MESSAGE.format(error=error))
    finally:
        connection.close()


def take_lease(campaign_id, holder):
    """The campaign, now held by this run, or None if there is nothing for this run to do."""
    now = timezone.now()
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
        if campaign is None or campaign.status not in (
            Campaign.Status.SCHEDULED,
            Campaign.Status.SENDING,
        ):
            return None
        if campaign.scheduled_at > now:
            # Rescheduled later since this task was queued.
            transaction.on_commit(lambda: enqueue(campaign_id, run_after=campaign.scheduled_at))
            return None
        if campaign.lease_until is not None and campaign.lease_until > now:
            if can_defer():
                run_after = campaign.lease_until + timedelta(seconds=1)
                transaction.on_commit(
                    lambda: send_campaign.using(run_after=run_after).enqueue(campaign_id)
                )
            return None
        if campaign.started_at is None and campaign.issue is not None:
            # Its first message is about to go: the issue now belongs in the archive.
            issue_sent.send(sender=Campaign, instance=campaign.issue)
        campaign.status = Campaign.Status.SENDING
        campaign.started_at = campaign.started_at or now
        campaign.lease_holder = holder
        campaign.lease_until = now + timedelta(seconds=newsletter_setting("WORKER_LEASE_SECONDS"))
        campaign.save(
            update_fields=["status", "started_at", "lease_holder", "lease_until", "last_error"]
        )
    return campaign


def renew_lease(campaign, holder, lease):
    return Campaign.objects.filter(
        pk=campaign.pk, lease_holder=holder, status=Campaign.Status.SENDING
    ).update(lease_until=timezone.now() + lease)


def stop(campaign, holder, status, error=""):
    Campaign.objects.filter(pk=campaign.pk, lease_holder=holder).update(
        status=status, last_error=error[:500], lease_until=None, lease_holder=""
    )


def finish(campaign, holder):
    Campaign.objects.filter(
        pk=campaign.pk, lease_holder=holder, status=Campaign.Status.SENDING
    ).update(
        status=Campaign.Status.SENT, finished_at=timezone.now(), lease_until=None, lease_holder=""
    )


def prepare(campaign):
    """Write one QUEUED delivery per recipient, all at once, the first time only."""
    with transaction.atomic():
        if campaign.deliveries.exists():
            return
        recipients = audience(campaign.themes.all()).order_by("pk").values_list("pk", flat=True)
        chunk = []
        for subscriber_id in recipients.iterator(chunk_size=5000):
            chunk.append(Delivery(campaign=campaign, subscriber_id=subscriber_id))
            if len(chunk) == 5000:
                Delivery.objects.bulk_create(chunk)
                chunk = []
        Delivery.objects.bulk_create(chunk)
        total = campaign.deliveries.count()
        Campaign.objects.filter(pk=campaign.pk).update(total=total)


def deliver(campaign, delivery_id, subscriber_id, rendered, connection):
    """Send one message, at most once unless the process dies before the commit."""
    with transaction.atomic():
        claimed = Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1
        )
        if not claimed:
            return
        subscriber = (
            Subscriber.objects.select_for_update().filter(deliveries__pk=delivery_id).first()
        )
        delivery = Delivery.objects.filter(pk=delivery_id)
        if subscriber is None or subscriber.status != Subscriber.Status.CONFIRMED:
            delivery.update(status=Delivery.Status.WITHDRAWN, sent_at=None)
            return
        message = issue_message(campaign, subscriber, rendered, connection)
        message.metadata = {"delivery": str(delivery_id)}  # returned by anymail's webhooks
        try:
            message.send()
        except RECIPIENT_ERRORS as error:
            delivery.update(status=Delivery.Status.FAILED, sent_at=None, error=str(error)[:500])
            return
        status = getattr(message, "anymail_status", None)
        if status is not None and status.message_id:
            delivery.update(provider_message_id=str(status.message_id)[:255])


def personal_links(campaign, subscriber):
    query = f"?{CAMPAIGN_QUERY_PARAMETER}={campaign.pk}"
    return {
        "unsubscribe": absolute(
            reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)]) + query
        ),
        "preferences": absolute(
            reverse("newsletter:preferences", args=[preferences_token(subscriber)])
        ),
    }


def message_id(campaign, subscriber):
    """The same for every copy of one issue to one subscriber, so that a copy sent twice (a
    crash in flight) is recognisable; keyed, so it reveals nothing of the subscriber."""
    digest = keyed_hash("message-id", f"{campaign.pk}:{subscriber.reference.hex}").hexdigest()
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<lettre-{campaign.pk}-{digest[:32]}@{domain}>"


def issue_message(campaign, subscriber, rendered, connection=None):
    links = personal_links(campaign, subscriber)
    html, text = rendered.personalised(links)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        connection=connection,
        headers={
            "Message-ID": message_id(campaign, subscriber),
            "List-Unsubscribe": f"<{links['unsubscribe']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def send_test(issue, addresses):
    """The issue's email, as a subscriber would get it (with example links), to test addresses;
    raises IssueRenderError."""
    rendered = render_issue(issue)
    html, text = rendered.sample_html(), rendered.sample_text()
    message = EmailMultiAlternatives(
        subject=f"[Test] {rendered.subject}",
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(addresses),
    )
    message.attach_alternative(html, "text/html")
    message.send()


class Throttle:
    """At most `per_minute` messages a minute, evenly spaced; 0 means no limit."""

    def __init__(self, per_minute, sleep=time.sleep, clock=time.monotonic):
        self.interval = 60 / per_minute if per_minute else 0
        self.sleep, self.clock = sleep, clock
        self.next_at = None

    def wait(self):
        if not self.interval:
            return
        now = self.clock()
        if self.next_at is not None and self.next_at > now:
            self.sleep(self.next_at - now)
            now = self.next_at
        self.next_at = now + self.interval


def progress(campaign):
    """What the admin shows of a campaign: counts by status, rate, estimated end."""
    counts = dict(campaign.deliveries.values_list("status").annotate(count=Count("pk")).order_by())
    sent = counts.get(Delivery.Status.SENT, 0)
    remaining = counts.get(Delivery.Status.QUEUED, 0)
    rate = None
    estimated_end = None
    if campaign.started_at and sent:
        elapsed = ((campaign.finished_at or timezone.now()) - campaign.started_at).total_seconds()
        rate = sent / max(elapsed, 1) * 60
        if remaining and campaign.status == Campaign.Status.SENDING:
            estimated_end = timezone.now() + timedelta(minutes=remaining / rate)
    reactions = campaign.deliveries.aggregate(
        bounced=Count("pk", filter=Q(bounced_at__isnull=False)),
        complained=Count("pk", filter=Q(complained_at__isnull=False)),
        unsubscribed=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
    )
    return {
        "total": campaign.total,
        "sent": sent,
        "failed": counts.get(Delivery.Status.FAILED, 0),
        "withdrawn": counts.get(Delivery.Status.WITHDRAWN, 0),
        "cancelled": counts.get(Delivery.Status.CANCELLED, 0),
        "remaining": remaining,
        "rate_per_minute": round(rate) if rate else None,
        "estimated_end": estimated_end,
        "delivered": sent - reactions["bounced"],
        **reactions,
    }
