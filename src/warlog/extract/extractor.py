"""The event coder: a Doc, its article and its places in; coded events and the main event out.

:class:`EventExtractor` runs the cue Matcher once per Doc, turns each sentence's cues into
mentions (``detect``), merges the mentions of one occurrence into one event (``merge``), and
picks the event the headline and lead report as the article's main event.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..errors import AnalysisError
from ..ingest.dates import DATELINE_CHARS, find_dateline
from ..nlp import doc_text
from ..settings import Settings
from ..types import EVENT_TYPE_OF, Article, Event, PlaceMention, Quote, Span
from .actors import ActorMention, ActorResolver
from .casualties import Count
from .dates import dateline_end, parse_published
from .detect import Context, Mention, detect_mentions
from .layout import keyword_lists
from .location import container, focus_country, focus_place, geo_precision, place_rank
from .merge import demo_type, group_mentions, main_event_index
from .sourcing.attribute import attribute
from .triggers import CueMatcher

__all__ = ["EventExtractor"]


class EventExtractor:
    """Codes the events of one article at a time (build once, call :meth:`extract` per Doc)."""

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self.config = dict(settings.get("extract", {}))
        # the ingest stage's dateline settings, so that the fallback below finds the date it finds
        ingest = settings.get("ingest", {})
        self.dateline_chars = int(ingest.get("dateline_chars", DATELINE_CHARS))
        self.dateline_order = str(ingest.get("dateline_date_order", "DMY"))
        self.cues = CueMatcher()  # the trigger lexicon, indexed once

    def extract(
        self,
        doc: Doc,
        *,
        article: Article,
        places: list[PlaceMention],
        quotes_out: list[Quote] | None = None,
    ) -> tuple[list[Event], str | None]:
        """The article's events (ids ``{article_id}:e{n}`` in text order) and its main event's id.

        Each event's attribution (``sources``, ``certainty``, ``disputed_by``) is filled by the
        sourcing stage; the article's quotations are appended to ``quotes_out`` when given.
        """
        if doc_text(doc) != article.text:
            raise AnalysisError("W301", detail="the Doc's text is not the article's text")
        try:
            return self._extract(doc, article, places, quotes_out)
        except (ValueError, IndexError, KeyError) as exc:  # a bug on odd input must not stop a batch
            raise AnalysisError("W301", detail=f"event coding failed: {exc!r}") from exc

    def _extract(
        self,
        doc: Doc,
        article: Article,
        places: list[PlaceMention],
        quotes_out: list[Quote] | None,
    ) -> tuple[list[Event], str | None]:
        if not doc.has_annotation("DEP"):
            raise AnalysisError("W301", detail="the Doc has no dependency parse")
        # the publication date: given, else the dateline, found as the ingest stage finds it (which
        # sets ``published`` from it: this is for Articles built directly, in tests and library use)
        published = parse_published(article.published) or parse_published(
            find_dateline(doc_text(doc), chars=self.dateline_chars, order=self.dateline_order)
        )
        published_iso = published.isoformat() if published is not None else None
        # a keyword list ("Tags Syria Aleppo airstrikes") names no event and no event's place
        lists = keyword_lists(doc, most=int(self.config.get("keyword_list_words", 40)))
        if lists:
            places = [pm for pm in places if not any(s <= pm.start < e for s, e in lists)]
        country = focus_country(places)
        resolver = ActorResolver(doc, country=country)
        cues = [c for c in self.cues(doc) if not any(s <= doc[c.start].idx < e for s, e in lists)]
        ctx = Context(
            places=places,
            resolver=resolver,
            published=published,
            sents=list(doc.sents),
            skip_before=dateline_end(doc, published),
        )
        mentions = detect_mentions(doc, cues, ctx=ctx)
        groups = group_mentions(
            mentions,
            max_days=int(self.config.get("merge_max_days", 1)),
            published=published,
            background_days=int(self.config.get("background_days", 7)),
        )
        focus = focus_place(doc, places)
        lead = int(self.config.get("lead_sentences", 3))
        lead_end = ctx.sents[min(lead, len(ctx.sents)) - 1].end if ctx.sents else 0
        air = _air_actor(mentions)
        events = [
            self._event(
                doc,
                article,
                n,
                group,
                focus,
                places=places,
                lead_end=lead_end,
                air=air,
                published=published_iso,
            )
            for n, group in enumerate(groups, start=1)
        ]
        attribute(doc, events=events, outlet=article.outlet, quotes_out=quotes_out)
        if not events:
            return [], None
        main = main_event_index(
            groups,
            article=article,
            doc=doc,
            sents=ctx.sents,
            lead_end=lead_end,
            published=published,
            background_days=int(self.config.get("background_days", 7)),
        )
        if main is None:
            return events, None
        top = events[main]
        if top.date is None and published_iso is not None:
            # what the headline and lead report is news: recent, dated to the week of publication
            top.date, top.date_precision = published_iso, self.config.get("fallback_precision", "week")
        return events, top.event_id

    def _event(
        self,
        doc: Doc,
        article: Article,
        n: int,
        group: list[Mention],
        focus: PlaceMention | None,
        *,
        places: list[PlaceMention],
        lead_end: int,
        air: ActorMention | None,
        published: str | None,
    ) -> Event:
        best = max(group, key=_completeness)
        # a generic "killed" mention, however complete, takes the type of the specific one it repeats
        typed = next((m for m in group if m.explicit), best)
        sub = demo_type(group) or typed.sub_event_type
        spans: dict[str, Span] = {}
        a1 = next((m.roles.actor1 for m in group if m.roles.actor1 is not None), None)
        if a1 is None and sub == "Air/drone strike":
            a1 = air  # only states and coalitions fly: the article's air force (its mention is the span)
        a2 = next((m.roles.actor2 for m in group if m.roles.actor2 is not None), None)
        if a1 is not None:
            spans["actor1"] = Span(a1.start, a1.end)
        if a2 is not None:
            spans["actor2"] = Span(a2.start, a2.end)
        fat = _count(group, "fatalities")
        inj = _count(group, "injuries")
        fatalities = injuries = None
        if fat is not None and fat.value is not None:
            fatalities = fat.value
            spans["fatalities"] = Span(doc[fat.start].idx, doc[fat.end - 1].idx + len(doc[fat.end - 1].text))
            if fat.civilians is not None:  # the split, where the text states who died
                spans["fatalities_civilians" if fat.civilians else "fatalities_fighters"] = spans[
                    "fatalities"
                ]
        if inj is not None and inj.value is not None:
            injuries = inj.value
            spans["injuries"] = Span(doc[inj.start].idx, doc[inj.end - 1].idx + len(doc[inj.end - 1].text))
        when = next((m.date for m in group if m.date is not None), None)
        date = precision = None
        if when is not None:
            date, precision = when.date.isoformat(), when.precision
            spans["date"] = Span(when.start, when.end)
        elif published and any(_recent(m, lead_end) for m in group):
            # no date of its own: a news lead reports what just happened (issue 4: lower precision)
            date, precision = published, str(self.config.get("fallback_precision", "week"))
        place = _place(group, focus, doc_text(doc), places)
        own = place is not None and any(m.place is place for m in group)
        if place is None:
            place = focus
        prec = geo_precision(doc, place, own=own) if place is not None else None
        if place is not None:
            spans["location"] = Span(place.start, place.end)  # the mention naming it, own or focus
        spans["trigger"] = Span(typed.trigger.start_char, typed.trigger.end_char)
        return Event(
            event_id=f"{article.article_id}:e{n}",
            article_id=article.article_id,
            event_type=EVENT_TYPE_OF[sub],
            sub_event_type=sub,
            evidence=Span(typed.sent.start_char, typed.sent.end_char),
            trigger=Span(typed.trigger.start_char, typed.trigger.end_char),
            actor1=a1.name if a1 else None,
            actor2=a2.name if a2 else None,
            location=place,
            geo_precision=prec,
            date=date,
            date_precision=precision,  # type: ignore[arg-type]
            fatalities=fatalities,
            injuries=injuries,
            field_spans=spans,
        )


def _recent(m: Mention, lead_end: int) -> bool:
    """The text implies recency: the mention is in the lead, or its verb is in the present (perfect)."""
    if m.sent.start < lead_end:
        return True
    verb = m.trigger.root
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )


def _completeness(m: Mention) -> tuple[int, int]:
    filled = sum(
        x is not None for x in (m.roles.actor1, m.roles.actor2, m.place, m.date, m.fatalities, m.injuries)
    )
    return (filled + m.explicit, -m.sent.start)


def _count(group: list[Mention], field: str) -> Count | None:
    """The event's count: a risen toll if any (a toll that rose is not below the first count: a
    lower one is another event's), else the first numeric mention, else a vague one."""
    in_order = sorted(group, key=lambda m: m.trigger.start)  # the headline's and lead's count first
    counts: list[Count] = [getattr(m, field) for m in in_order if getattr(m, field) is not None]
    numeric = [c for c in counts if c.value is not None]
    rose = [c for c in numeric if c.rose and (c.value or 0) >= (numeric[0].value or 0)]
    if rose:
        return max(rose, key=lambda c: c.value or 0)
    if numeric:
        return numeric[0]
    return counts[0] if counts else None


def _place(
    group: list[Mention], focus: PlaceMention | None, text: str, places: list[PlaceMention]
) -> PlaceMention | None:
    """The event's own place: the first-named place of its mentions that lies in a known division,
    made more specific by another mention's place in that same division; a country, or a name
    the gazetteer lacks, only when the article's focus is not a place in that country (then the
    focus). A place said to lie in another ("X in Y province") stands for Y when X is unknown."""
    own: list[PlaceMention] = []
    for m in sorted(group, key=lambda m: m.sent.start):
        if m.place is not None:
            own.append(container(text, m.place, places) or m.place)
    if focus is not None and focus.place is not None and focus.place.country_code:
        # a foreign country or capital named beside the event mostly stands for a government
        # ("Russia's defence ministry said", "Washington blames ..."), not for where it happened
        home = focus.place.country_code
        own = [pm for pm in own if not _foreign_seat(pm, home)]
    regional = [pm for pm in own if pm.place is not None and pm.place.admin1 and place_rank(pm) < 3]
    if regional:
        first = regional[0].place
        assert first is not None
        inside = [
            pm
            for pm in regional
            if pm.place is not None
            and (pm.place.country_code, pm.place.admin1) == (first.country_code, first.admin1)
        ]
        return min(inside, key=place_rank)  # the most specific, the first named on a tie
    resolved = sorted((pm for pm in own if pm.place is not None), key=place_rank)
    if focus is not None and focus.place is not None and focus.place.admin1 and place_rank(focus) < 3:
        country = resolved[0].place.country_code if resolved and resolved[0].place is not None else None
        if country is None or country == focus.place.country_code:
            return focus
    if resolved:
        return resolved[0]
    return own[0] if own else None


def _air_actor(mentions: list[Mention]) -> ActorMention | None:
    """The side that carries out the article's air strikes: the actor named most for its air strikes,
    else the state or foreign force it names most (armed non-state groups have no aircraft)."""
    air = Counter(
        m.roles.actor1 for m in mentions if m.roles.actor1 and m.sub_event_type == "Air/drone strike"
    )
    if not air:
        air = Counter(
            m.roles.actor1
            for m in mentions
            if m.roles.actor1 and m.roles.actor1.kind in ("state", "external")
        )
    if not air:
        return None
    by_name = Counter(a.name for a in air.elements())
    name = by_name.most_common(1)[0][0]
    return next(a for a in air if a.name == name)


def _foreign_seat(pm: PlaceMention, home: str) -> bool:
    """A foreign country named beside the event ("Russia's defence ministry said"). A capital
    standing for its government ("Washington blames") never reaches here: the mention's places are
    filtered for that (location.sentence_places)."""
    p = pm.place
    if p is None or not p.country_code or p.country_code == home:
        return False
    return place_rank(pm) == 3
