"""The "Lider Ekonomii Społecznej" competition: an index (the archive), one page per edition
with its categories and jury criteria, the nominations sent through the public form, the
jury's scores and declared conflicts, and the public votes.

What is done with them lives beside the models: `nominations` (decisions and e-mails), `jury`
(scoring and the ranking), `voting` (the public vote), `results` (laureates and badges), and
the request handling in `views/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from anyascii import anyascii
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page

from portal.pages import PortalIndexPage, PortalPage
from portal.pageviews import PageViews

from .uploads import letter_path, private_storage, validate_pdf_upload

DEFAULT_CATEGORIES = [
    (
        "Samorząd Prospołeczny",
        "Jednostka samorządu terytorialnego, która wspiera ekonomię społeczną.",
    ),
    (
        "Biznes Prospołeczny",
        "Przedsiębiorstwo, które współpracuje z podmiotami ekonomii społecznej.",
    ),
    (
        "Przedsiębiorstwo Społeczne",
        "Podmiot ekonomii społecznej, który łączy działalność gospodarczą z celem społecznym.",
    ),
]


DEFAULT_CRITERIA = [
    "Wpływ społeczny",
    "Współpraca z ekonomią społeczną",
    "Trwałość i możliwość powielenia",
]


def polish_slug(text: str) -> str:
    """An ASCII slug that folds every Polish letter ("Społeczne" → "spoleczne")."""
    return slugify(anyascii(text))


class CompetitionIndexPage(PortalIndexPage):
    """`/lider-es/`: what the competition is, and every edition, newest first (the archive)."""

    subpage_types = ["competition.EditionPage"]

    class Meta:
        verbose_name = _("Lider ES competition")

    def editions(self):
        return EditionPage.objects.child_of(self).live().specific().order_by("-year")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        editions = list(self.editions())
        context["current_edition"] = editions[0] if editions else None
        context["past_editions"] = editions[1:]
        return context


@dataclass(frozen=True)
class WindowState:
    """Whether nominations are accepted now and, if not, why (said to the visitor)."""

    open: bool
    message: str


class EditionPage(RoutablePageMixin, PortalPage):
    """One year of the competition: rules, timeline, categories and nominations."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    intro = RichTextField(_("introduction"), blank=True)
    rules_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("rules"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nominations_open = models.DateTimeField(_("nominations open"))
    nominations_close = models.DateTimeField(_("nominations close"))
    jury_start = models.DateField(_("jury work starts"), null=True, blank=True)
    jury_end = models.DateField(_("jury work ends"), null=True, blank=True)
    vote_start = models.DateTimeField(_("public vote starts"), null=True, blank=True)
    vote_end = models.DateTimeField(_("public vote ends"), null=True, blank=True)
    gala_date = models.DateTimeField(_("gala"), null=True, blank=True)
    gala_event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("gala event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scoring_closed = models.BooleanField(
        _("scoring closed"),
        default=False,
        help_text=_("Jurors see one another's scores and the ranking only once this is set."),
    )
    results_published = models.BooleanField(_("results published"), default=False)

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("intro"),
        FieldPanel("rules_document"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("nominations_open"), FieldPanel("nominations_close")]),
                FieldRowPanel([FieldPanel("jury_start"), FieldPanel("jury_end")]),
                FieldRowPanel([FieldPanel("vote_start"), FieldPanel("vote_end")]),
                FieldRowPanel([FieldPanel("gala_date"), FieldPanel("gala_event")]),
            ],
            heading=_("Timeline"),
        ),
        InlinePanel(
            "categories",
            label=_("Categories"),
            help_text=_("Left empty, the three standard categories are created."),
        ),
        InlinePanel(
            "criteria",
            label=_("Jury criteria"),
            help_text=_("Each scored 1–10 by every juror. Left empty, the standard ones are used."),
        ),
        MultiFieldPanel(
            [FieldPanel("scoring_closed"), FieldPanel("results_published")],
            heading=_("Stage"),
        ),
    ]
    parent_page_types = ["competition.CompetitionIndexPage"]
    subpage_types: list[str] = []
    # Filled by the views modules, which import this one (see portal.pageviews).
    views = PageViews()

    class Meta:
        verbose_name = _("competition edition")
        verbose_name_plural = _("competition editions")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if (
            self.nominations_open
            and self.nominations_close
            and self.nominations_close <= self.nominations_open
        ):
            errors["nominations_close"] = _("Nominations must close after they open.")
        if self.jury_start and self.jury_end and self.jury_end < self.jury_start:
            errors["jury_end"] = _("The jury's work must end after it starts.")
        if self.vote_start and self.vote_end and self.vote_end <= self.vote_start:
            errors["vote_end"] = _("The vote must end after it starts.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """A new edition without categories gets the three standard ones; slugs are filled."""
        categories = list(self.categories.all())
        if self.pk is None and not categories:
            self.categories = [
                Category(name=name, description=description, sort_order=position)
                for position, (name, description) in enumerate(DEFAULT_CATEGORIES)
            ]
            categories = list(self.categories.all())
        for category in categories:
            if not category.slug:
                category.slug = polish_slug(category.name)[:80] or "kategoria"
        if self.pk is None and not list(self.criteria.all()):
            self.criteria = [
                Criterion(name=name, sort_order=position)
                for position, name in enumerate(DEFAULT_CRITERIA)
            ]
        result = super().save(*args, **kwargs)
        if self.year:
            from .jury import ensure_jury_group  # jury imports this module

            ensure_jury_group(self)
        return result

    @cached_property
    def data_edition(self) -> EditionPage:
        """The edition that holds the categories, nominations, scores and votes: the page in
        the default language. Its translations show the same data and post into it, so an
        English visitor's nomination joins the Polish ones the jury scores."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        original = self.get_translation_or_none(default)
        return original.specific if original is not None else self

    @classmethod
    def originals(cls):
        """Editions in the default language: one per year (translations excluded)."""
        return cls.objects.filter(locale=Locale.get_default())

    @property
    def jury_group_name(self) -> str:
        return f"Jury Lider ES {self.year}"

    # Nomination window -------------------------------------------------------------------
    def nomination_window(self, now: datetime | None = None) -> WindowState:
        """Open from `nominations_open` (inclusive) to `nominations_close` (exclusive).

        Both are aware datetimes entered in Europe/Warsaw; comparing aware datetimes is
        exact whatever the server's clock zone or the daylight-saving season.
        """
        now = now or timezone.now()
        if now < self.nominations_open:
            when = date_format(timezone.localtime(self.nominations_open), "j E Y, H:i")
            return WindowState(False, _("Nominations open on %(when)s.") % {"when": when})
        if now >= self.nominations_close:
            when = date_format(timezone.localtime(self.nominations_close), "j E Y, H:i")
            return WindowState(False, _("Nominations closed on %(when)s.") % {"when": when})
        return WindowState(True, "")

    def nominate_url(self, category: Category, request: HttpRequest | None = None) -> str:
        base = self.get_url(request) or ""
        return base + self.reverse_subpage("nominate", kwargs={"category_slug": category.slug})

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["edition"] = self.data_edition
        context["window"] = self.data_edition.nomination_window()
        context["category_links"] = [
            (category, self.nominate_url(category, request))
            for category in self.data_edition.categories.all()
        ]
        # The vote and the results are computed from this module's models: they import it.
        from .results import results_context
        from .voting import vote_context

        context.update(vote_context(self, request))
        context.update(results_context(self, request))
        return context

    # Request handling lives in views/nominations.py, views/votes.py, views/results.py ------
    @path("zglos/<slug:category_slug>/", name="nominate")
    def nominate_view(self, request: HttpRequest, category_slug: str) -> HttpResponse:
        return self.views.nominate(request, self, category_slug)

    @path("glosuj/<slug:category_slug>/", name="vote")
    def vote_view(self, request: HttpRequest, category_slug: str) -> HttpResponse:
        return self.views.vote(request, self, category_slug)

    @path("glosuj/potwierdz/<str:token>/", name="vote_confirm")
    def vote_confirm_view(self, request: HttpRequest, token: str) -> HttpResponse:
        return self.views.confirm(request, self, token)

    @path("wyniki/", name="results")
    def results_view(self, request: HttpRequest) -> HttpResponse:
        return self.views.results(request, self)


class Category(Orderable):
    """A competition category of one edition (editable per edition)."""

    edition = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        blank=True,
        help_text=_("Part of the nomination form's address; filled from the name if empty."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class Criterion(Orderable):
    """One thing the jury scores (1–10) in every accepted nomination of the edition."""

    edition = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.name


class Award(models.TextChoices):
    """What the ROPS awards a nomination once the jury has ranked it."""

    WINNER = "winner", _("winner")
    DISTINCTION = "distinction", _("distinction")
    SPECIAL = "special", _("special award")


class Nomination(models.Model):
    """A candidate put forward in one category of one edition, and ROPS's decision on it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted for the jury")
        REJECTED = "rejected", _("rejected")

    edition = models.ForeignKey(
        EditionPage,
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="nominations",
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="nominations"
    )
    candidate_partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("candidate (PES)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="competition_nominations",
    )
    candidate_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("candidate (organisation)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="competition_nominations",
    )
    candidate_name = models.CharField(
        _("candidate"),
        max_length=200,
        help_text=_("The name as given, or the name of the linked PES or organisation."),
    )
    justification = models.TextField(_("justification"), max_length=5000)
    recommendation_letter = models.FileField(
        _("recommendation letter (PDF)"),
        upload_to=letter_path,
        storage=private_storage,
        max_length=200,
        validators=[validate_pdf_upload],
    )
    nominator_name = models.CharField(_("your name"), max_length=150)
    nominator_email = models.EmailField(_("your e-mail"))
    nominator_phone = models.CharField(_("your phone (optional)"), max_length=30, blank=True)
    consent_data = models.BooleanField(_("consent to data processing"), default=False)
    consent_candidate = models.BooleanField(_("candidate informed"), default=False)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.SUBMITTED,
        db_index=True,
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    award = models.CharField(
        _("award"),
        max_length=12,
        choices=Award.choices,
        blank=True,
        default="",
        db_index=True,
        help_text=_("Marked by the ROPS after the jury; public once the results are published."),
    )
    award_name = models.CharField(
        _("award name"),
        max_length=160,
        blank=True,
        help_text=_("For a special award: its name, e.g. the Marshal's award."),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.candidate_name} ({self.category})"


class JuryScore(models.Model):
    """One juror's assessment of one accepted nomination: a mark per criterion and a comment."""

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("nomination"), on_delete=models.CASCADE, related_name="scores"
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juror"),
        on_delete=models.CASCADE,
        related_name="competition_scores",
    )
    comment = models.TextField(_("comment"), blank=True, max_length=5000)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("jury score")
        verbose_name_plural = _("jury scores")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "juror"], name="one_score_per_juror")
        ]

    def __str__(self) -> str:
        return f"{self.nomination} – {self.juror}"


class CriterionMark(models.Model):
    """The mark (1–10) one juror gave one criterion of one nomination."""

    score = models.ForeignKey(JuryScore, on_delete=models.CASCADE, related_name="marks")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="marks")
    value = models.PositiveSmallIntegerField(
        _("mark"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    class Meta:
        verbose_name = _("mark")
        verbose_name_plural = _("marks")
        constraints = [
            models.UniqueConstraint(fields=["score", "criterion"], name="one_mark_per_criterion"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=10), name="mark_between_1_and_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class ConflictDeclaration(models.Model):
    """A juror's declared conflict of interest: from then on they cannot score it."""

    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.CASCADE,
        related_name="conflicts",
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juror"),
        on_delete=models.CASCADE,
        related_name="competition_conflicts",
    )
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    created = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "juror"], name="one_conflict_per_juror")
        ]

    def __str__(self) -> str:
        return f"{self.juror} ↔ {self.nomination}"


class Vote(models.Model):
    """One public vote for a nomination: counted only once its e-mail address confirmed it.

    An address has one confirmed vote per category of an edition (a partial unique
    constraint, so two confirmations racing each other cannot both count)."""

    edition = models.ForeignKey(
        EditionPage, verbose_name=_("edition"), on_delete=models.CASCADE, related_name="votes"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="votes"
    )
    nomination = models.ForeignKey(
        Nomination, verbose_name=_("nomination"), on_delete=models.CASCADE, related_name="votes"
    )
    email = models.EmailField(_("e-mail"))
    email_key = models.CharField(
        _("normalised e-mail"),
        max_length=254,
        db_index=True,
        help_text=_("Lower-case, so that one address is one voter whatever its spelling."),
    )
    token = models.CharField(_("confirmation token"), max_length=64, unique=True)
    created = models.DateTimeField(_("cast"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("public vote")
        verbose_name_plural = _("public votes")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "email_key"],
                condition=models.Q(confirmed_at__isnull=False),
                name="one_confirmed_vote_per_category_and_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email_key} → {self.nomination}"
