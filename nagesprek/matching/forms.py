"""Forms of the vocabulary pages: search and "try a word", a concept with its names, the ESCO CSV import."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.matching.models import Concept, ConceptKind, LabelKind, LabelLanguage

ONE_PER_LINE = _("One per line.")


class VocabularyFilterForm(forms.Form):
    q = forms.CharField(label=_("Search a name"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *ConceptKind.choices])


class TryWordForm(forms.Form):
    word = forms.CharField(
        label=_("Word or name"),
        max_length=200,
        help_text=_("See how matching reads a name as people write it, for example “heftruckchauffeurs”."),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ConceptForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ConceptKind.choices)
    preferred_label_nl = forms.CharField(label=_("Name in Dutch"), max_length=200)
    preferred_label_en = forms.CharField(label=_("Name in English"), max_length=200, required=False)
    other_nl = forms.CharField(
        label=_("Other Dutch names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Synonyms and other ways of writing it. One per line, for example “verpleger”."),
    )
    other_en = forms.CharField(
        label=_("Other English names"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=ONE_PER_LINE
    )
    hidden = forms.CharField(
        label=_("Hidden spellings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Matched, never shown: common misspellings or abbreviations. One per line."),
    )
    uri = forms.CharField(
        label=_("Taxonomy URI"), required=False, max_length=300, help_text=_("For example an ESCO URI.")
    )

    @staticmethod
    def initial_for(concept: Concept) -> dict:
        """The form's values for an existing concept (its labels ``prefetch``ed)."""
        by_field: dict[str, list[str]] = {"other_nl": [], "other_en": [], "hidden": []}
        for label in concept.labels.all():
            if label.kind == LabelKind.HIDDEN:
                by_field["hidden"].append(label.text)
            elif label.kind == LabelKind.ALTERNATIVE:
                by_field["other_en" if label.language == LabelLanguage.ENGLISH else "other_nl"].append(label.text)
        return {
            "kind": concept.kind,
            "preferred_label_nl": concept.preferred_label_nl,
            "preferred_label_en": concept.preferred_label_en,
            "uri": concept.uri,
            **{name: "\n".join(texts) for name, texts in by_field.items()},
        }

    def labels(self) -> list[tuple[str, str, str]]:
        """The other names as (language, text, label kind), the way the vocabulary services take them."""
        data = self.cleaned_data
        return [
            *((LabelLanguage.DUTCH.value, text, LabelKind.ALTERNATIVE.value) for text in _lines(data["other_nl"])),
            *((LabelLanguage.ENGLISH.value, text, LabelKind.ALTERNATIVE.value) for text in _lines(data["other_en"])),
            *((LabelLanguage.DUTCH.value, text, LabelKind.HIDDEN.value) for text in _lines(data["hidden"])),
        ]


class VocabularyImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), required=False)
    # After the preview the same content comes back to be imported (nothing is stored in between).
    content = forms.CharField(widget=forms.HiddenInput, required=False)

    MAX_BYTES = 5 * 1024 * 1024

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > self.MAX_BYTES:
                raise forms.ValidationError(_("The file is larger than 5 MB."))
            data["bytes"] = upload.read()
        elif data.get("content"):
            data["bytes"] = data["content"].encode("utf-8")
        else:
            raise forms.ValidationError(_("Choose a CSV file."))
        return data
