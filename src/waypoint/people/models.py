"""People: one ``Person`` is one registration record (linkage groups records of one individual)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _

from waypoint.places.models import Site


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    UNKNOWN = "U", _("Unknown")


class DatePrecision(models.TextChoices):
    EXACT = "exact", _("Exact date")
    MONTH = "month", _("Month and year")
    YEAR = "year", _("Year only")
    ESTIMATED = "estimated", _("Estimated from stated age")


class LegalBasis(models.TextChoices):
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation (Law on Foreigners, Law on Asylum)")
    VITAL_INTEREST = "vital_interest", _("Vital interest of the person")
    PUBLIC_INTEREST = "public_interest", _("Task in the public interest")
    CONSENT = "consent", _("Consent")


class Purpose(models.TextChoices):
    REGISTRATION = "registration", _("Registration and identification")
    RECEPTION = "reception", _("Accommodation and reception assistance")
    PROTECTION = "protection", _("Protection and referral to services")
    RETURN = "return", _("Assisted voluntary return and reintegration")
    STATISTICS = "statistics", _("Anonymous statistics")


def default_purposes() -> list[str]:
    return [Purpose.REGISTRATION, Purpose.RECEPTION, Purpose.STATISTICS]


def private_storage() -> FileSystemStorage:
    """Photos and other private files: outside static and media, served only by scoped views.

    A callable, so migrations do not record the machine's path.
    """
    return FileSystemStorage(location=settings.PRIVATE_FILES_DIR, base_url=None)


# A registration's names in every script, and the identity details beside them: the one list
# that registering, correcting, exporting and erasing a person share.
NAME_FIELDS = (
    "given_name",
    "family_name",
    "father_name",
    "mother_name",
    "given_name_original",
    "family_name_original",
    "father_name_original",
    "mother_name_original",
)
IDENTITY_FIELDS = (
    *NAME_FIELDS,
    "sex",
    "birth_date",
    "birth_date_precision",
    "nationality",
    "country_of_birth",
    "place_of_birth",
)


class Person(models.Model):
    """A registration of one person at one site.

    Names are kept as spoken in their original script (when given) and in a Latin
    transliteration; the Latin forms are what other systems exchange.
    """

    registration_number = models.CharField(_("registration number"), max_length=13, unique=True)
    serial = models.PositiveIntegerField(
        unique=True,
        null=True,
        editable=False,
        help_text="The serial inside the registration number; unique across all sites.",
    )
    given_name = models.CharField(_("given name(s)"), max_length=120)
    family_name = models.CharField(_("family name"), max_length=120, blank=True)
    father_name = models.CharField(_("father's name"), max_length=120, blank=True)
    given_name_original = models.CharField(
        _("given name(s) in original script"), max_length=120, blank=True
    )
    family_name_original = models.CharField(
        _("family name in original script"), max_length=120, blank=True
    )
    father_name_original = models.CharField(
        _("father's name in original script"), max_length=120, blank=True
    )
    mother_name = models.CharField(_("mother's name"), max_length=120, blank=True)
    mother_name_original = models.CharField(
        _("mother's name in original script"), max_length=120, blank=True
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_date_precision = models.CharField(
        _("precision of date of birth"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.EXACT,
    )
    nationality = models.CharField(
        _("nationality"),
        max_length=3,
        blank=True,
        help_text=_("ISO 3166 alpha-3 code as declared; XXA stateless, XXX unknown."),
    )
    country_of_birth = models.CharField(_("country of birth"), max_length=3, blank=True)
    place_of_birth = models.CharField(_("place of birth"), max_length=120, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("ISO 639 codes, e.g. ps, fa, ur.")
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    photo = models.FileField(
        _("photo"), upload_to="photos/%Y/%m/", storage=private_storage, blank=True
    )
    arrived_on = models.DateField(_("date of arrival in BiH"), null=True, blank=True)
    entry_point = models.CharField(_("entry point"), max_length=120, blank=True)
    asylum_intention = models.BooleanField(_("intention to seek asylum expressed"), default=False)
    asylum_certificate_on = models.DateField(
        _("date of the certificate of intention"), null=True, blank=True
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=24,
        choices=LegalBasis.choices,
        default=LegalBasis.LEGAL_OBLIGATION,
    )
    purposes = models.JSONField(_("purposes"), default=default_purposes, blank=True)
    notice_language = models.CharField(
        _("language of the information notice"), max_length=8, blank=True
    )
    unaccompanied = models.BooleanField(
        _("unaccompanied child"),
        default=False,
        editable=False,
        help_text=_("A child registered without an adult relative (kept by the services)."),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registered by"),
    )
    registered_at = models.ForeignKey(
        Site,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("registered at"),
    )
    registered_on = models.DateField(_("registered on"))
    last_seen_at = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("last seen at"),
        help_text=_("The centre of the person's open or latest stay (kept by reception)."),
    )
    last_seen_on = models.DateField(_("last seen on"), null=True, blank=True)
    is_synthetic = models.BooleanField(
        default=False,
        editable=False,
        help_text="Made by the demo generator; never a real person.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [
            models.Index(fields=["registered_at", "registered_on"]),
            models.Index(fields=["family_name", "given_name"]),
            models.Index(fields=["birth_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name} ({self.registration_number})".strip()

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def is_child(self) -> bool:
        age = self.age_on(date.today())
        return age is not None and age < 18

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


class DocumentType(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    NATIONAL_ID = "national_id", _("National identity card")
    BIRTH_CERTIFICATE = "birth_certificate", _("Birth certificate")
    TRAVEL_DOCUMENT = "travel_document", _("Travel document")
    ASYLUM_CERTIFICATE = "asylum_certificate", _("Certificate of intention to seek asylum")
    OTHER = "other", _("Other")


class IdentityDocument(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("type"), max_length=24, choices=DocumentType.choices)
    number = models.CharField(_("number"), max_length=40)
    issuing_country = models.CharField(_("issuing country"), max_length=3, blank=True)
    expires_on = models.DateField(_("expiry date"), null=True, blank=True)

    class Meta:
        ordering = ["person", "kind"]
        verbose_name = _("identity document")
        verbose_name_plural = _("identity documents")
        indexes = [models.Index(fields=["number"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class ConsentMethod(models.TextChoices):
    SIGNED = "signed", _("Signed")
    ORAL_WITNESSED = "oral_witnessed", _("Oral, witnessed")
    GUARDIAN = "guardian", _("Given by a guardian (minor)")


class Consent(models.Model):
    """One consent, given once and never edited; a withdrawal is recorded on it with its date.

    Recipients are the kinds of organisation data may go to (e.g. "centre_for_social_work",
    "embassy:PAK"); an empty list means the purpose within Waypoint only.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    method = models.CharField(_("method"), max_length=16, choices=ConsentMethod.choices)
    given_on = models.DateField(_("given on"))
    witness = models.CharField(_("witness or guardian"), max_length=120, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        ordering = ["person", "-given_on"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.get_method_display()})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None

    def covers(self, purpose: str, recipient: str = "") -> bool:
        if not self.is_active or self.purpose != purpose:
            return False
        return not recipient or recipient in self.recipients


class Relationship(models.TextChoices):
    HEAD = "head", _("Head of household")
    SPOUSE = "spouse", _("Spouse")
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent")
    SIBLING = "sibling", _("Sibling")
    OTHER = "other", _("Other relative")


class Household(models.Model):
    """People registered together as a family; ``head`` is the main contact."""

    head = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("head of household"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return f"{_('Household')} {self.pk}"


class HouseholdMember(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="membership")
    relationship = models.CharField(
        _("relationship to the head"), max_length=16, choices=Relationship.choices
    )

    class Meta:
        ordering = ["household", "id"]
        verbose_name = _("household member")
        verbose_name_plural = _("household members")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_relationship_display()})"


class Guardian(models.Model):
    """The guardian appointed for an unaccompanied child (by the Centre for Social Work)."""

    child = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="guardian")
    name = models.CharField(_("guardian's name"), max_length=120)
    institution = models.CharField(_("institution"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("guardian")
        verbose_name_plural = _("guardians")

    def __str__(self) -> str:
        return self.name


class NameKey(models.Model):
    """Search keys of a person's names, script- and spelling-independent (see ``people.names``).

    One row per key; ``search-before-register`` looks keys up through the index.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["key", "person"])]
        constraints = [models.UniqueConstraint(fields=["person", "key"], name="namekey_unique")]

    def __str__(self) -> str:
        return self.key
