"""Knowledge-base articles: create, edit, archive, apply to a request, draft from a request
(R-KB-1, R-KB-2, R-REQ-4). The search index is updated inside the same transaction."""
from __future__ import annotations

from dataclasses import dataclass, fields

from .. import clock, context
from ..errors import ConflictError, FieldError, NotFound, ValidationError
from ..models import (KbApplication, KbArticle, ProblemType, Product, RequestEvent,
                      RequestUnit, ServiceRequest, Unit)
from ..permissions import Permission
from ..search import index as search_index
from ..search.index import INDEXED_STATUSES, index_request  # noqa: F401 - re-exported

MAX_TEXT = 20_000  # symptoms, cause, solution: a long procedure fits, a pasted log does not
LIMITS = {"title": 200, "product_family": 80, "tags": 300,
          "symptoms": MAX_TEXT, "cause": MAX_TEXT, "solution": MAX_TEXT}


@dataclass
class ArticleData:
    """The editable fields of an article, as the editor or a draft fills them."""

    title: str = ""
    symptoms: str = ""
    cause: str = ""
    solution: str = ""
    product_id: int | None = None
    product_family: str = ""
    problem_type_id: int | None = None
    tags: str = ""
    source_request_id: int | None = None

    @classmethod
    def of(cls, article: KbArticle) -> "ArticleData":
        return cls(title=article.title, symptoms=article.symptoms, cause=article.cause,
                   solution=article.solution, product_id=article.product_id,
                   product_family=article.product_family, problem_type_id=article.problem_type_id,
                   tags=article.tags, source_request_id=article.source_request_id)


def normalize_tags(text: str) -> str:
    """"rete,  WiFi ,rete" → "rete, WiFi": trimmed, no empties, no duplicates (case-insensitive)."""
    seen: dict[str, str] = {}
    for tag in text.replace(";", ",").split(","):
        tag = " ".join(tag.split())
        if tag and tag.lower() not in seen:
            seen[tag.lower()] = tag
    return ", ".join(seen.values())


def _clean(data: ArticleData) -> ArticleData:
    out = ArticleData(**{f.name: getattr(data, f.name) for f in fields(ArticleData)})
    out.title = " ".join((out.title or "").split())
    for name in ("symptoms", "cause", "solution"):
        setattr(out, name, (getattr(out, name) or "").strip().replace("\x00", ""))
    out.product_family = " ".join((out.product_family or "").split())
    out.tags = normalize_tags(out.tags or "")
    return out


def validate(data: ArticleData) -> ArticleData:
    """The cleaned data, or ValidationError listing every problem."""
    data = _clean(data)
    errors: list[FieldError] = []
    if not data.title:
        errors.append(FieldError("title", "required"))
    if not data.solution:
        errors.append(FieldError("solution", "required"))
    for name, limit in LIMITS.items():
        if len(getattr(data, name)) > limit:
            errors.append(FieldError(name, "too_long", {"max": limit}))
    if data.product_id is not None:
        product = Product.get_or_none(Product.id == data.product_id)
        if product is None:
            errors.append(FieldError("product", "not_found"))
        elif not data.product_family:
            data.product_family = product.family
    if data.problem_type_id is not None and \
            ProblemType.get_or_none(ProblemType.id == data.problem_type_id) is None:
        errors.append(FieldError("problem_type", "not_found"))
    if data.source_request_id is not None and \
            ServiceRequest.get_or_none(ServiceRequest.id == data.source_request_id) is None:
        errors.append(FieldError("source_request", "not_found"))
    if errors:
        raise ValidationError(errors)
    return data


def _assign(article: KbArticle, data: ArticleData) -> None:
    for f in fields(ArticleData):
        setattr(article, f.name, getattr(data, f.name))


def create_article(data: ArticleData) -> KbArticle:
    """A new article, indexed in the same transaction (R-KB-1)."""
    actor = context.require(Permission.KB_EDIT)
    data = validate(data)
    db = KbArticle._meta.database
    with db.atomic():
        article = KbArticle(author=actor.operator_id)
        _assign(article, data)
        article.save()
        search_index.index_article(article.id, db)
    return article


def update_article(article_id: int, version: int, data: ArticleData) -> KbArticle:
    """Save the edit of an article read at ``version``; ConflictError if someone changed it."""
    context.require(Permission.KB_EDIT)
    data = validate(data)
    db = KbArticle._meta.database
    with db.atomic():
        article = KbArticle.get_or_none(KbArticle.id == article_id)
        if article is None:
            raise ConflictError("KbArticle", article_id, deleted=True)
        _assign(article, data)
        article.version = version  # optimistic lock: save() compares with the stored version
        article.save()
        search_index.index_article(article.id, db)
    return article


def set_archived(article_id: int, version: int, archived: bool = True) -> KbArticle:
    """Archive (hidden from search and suggestions) or restore an article."""
    context.require(Permission.KB_EDIT)
    db = KbArticle._meta.database
    with db.atomic():
        article = KbArticle.get_or_none(KbArticle.id == article_id)
        if article is None:
            raise ConflictError("KbArticle", article_id, deleted=True)
        article.version = version if version is not None else article.version
        article.archived = archived
        article.save(only=[KbArticle.archived])
        search_index.index_article(article.id, db)
    return article


def get_article(article_id: int) -> KbArticle:
    article = KbArticle.get_or_none(KbArticle.id == article_id)
    if article is None:
        raise NotFound(f"article {article_id}", id=article_id)
    return article


# -- use inside a request (R-KB-2) ----------------------------------------------------------------

@dataclass(frozen=True)
class Applied:
    application: KbApplication
    applied_count: int
    new: bool  # False when the article was already linked to the request (not counted twice)


def apply_article(article_id: int, request_id: int) -> Applied:
    """Link the article to the request and count it, once per request; the request's history
    gets a ``kb_applied`` event. The request row itself is not touched, so an editor that has
    the request open does not get a conflict on its next save."""
    actor = context.require(Permission.REQUEST_NOTE)
    db = KbArticle._meta.database
    with db.atomic():
        article = get_article(article_id)
        if article.archived:
            raise ValidationError(FieldError("article", "kb.archived"))
        if ServiceRequest.get_or_none(ServiceRequest.id == request_id) is None:
            raise NotFound(f"request {request_id}", id=request_id)
        existing = KbApplication.get_or_none((KbApplication.article == article_id)
                                             & (KbApplication.request == request_id))
        if existing is not None:
            return Applied(existing, article.applied_count, False)
        now = clock.now()
        app = KbApplication.create(article=article_id, request=request_id,
                                   operator=actor.operator_id, at=now)
        # A counter, not a user edit: bulk update, so an open editor of the article keeps its version.
        KbArticle.update(applied_count=KbArticle.applied_count + 1).where(
            KbArticle.id == article_id).execute()
        RequestEvent.create(request=request_id, at=now, operator=actor.operator_id,
                            kind="kb_applied", text=f"KB #{article_id}: {article.title}")
        count = KbArticle.select(KbArticle.applied_count).where(
            KbArticle.id == article_id).scalar()
        search_index.bump_generation(db)
    return Applied(app, count, True)


def unapply_article(article_id: int, request_id: int) -> bool:
    """Undo ``apply_article`` (the link was a mistake). Returns False when there was no link."""
    context.require(Permission.REQUEST_NOTE)
    db = KbArticle._meta.database
    with db.atomic():
        rows = KbApplication.delete().where((KbApplication.article == article_id)
                                            & (KbApplication.request == request_id)).execute()
        if rows:
            KbArticle.update(applied_count=KbArticle.applied_count - 1).where(
                (KbArticle.id == article_id) & (KbArticle.applied_count > 0)).execute()
    return bool(rows)


def applied_article_ids(request_id: int) -> set[int]:
    return {r[0] for r in KbApplication.select(KbApplication.article)
            .where(KbApplication.request == request_id).tuples()}


def solution_note(article: KbArticle) -> str:
    """The text copied into the request's note when an article is applied."""
    parts = [f"[KB #{article.id}] {article.title}"]
    if article.cause:
        parts.append(article.cause)
    parts.append(article.solution)
    return "\n".join(parts)


# -- article from a resolved request (R-REQ-4) -------------------------------------------------

def _first_sentence(text: str, limit: int = 120) -> str:
    line = " ".join(text.split())
    for sep in (". ", "! ", "? ", "; "):
        if sep in line[:limit]:
            line = line[: line.index(sep)]
            break
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def draft_from_request(request_id: int) -> ArticleData:
    """A new article filled from a resolved/closed request: problem from its subject and
    description, solution from its final report, product and problem type from the request."""
    request = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
    if request is None:
        raise NotFound(f"request {request_id}", id=request_id)
    if request.status not in INDEXED_STATUSES:
        raise ValidationError(FieldError("request", "kb.request_not_resolved",
                                         {"number": request.number}))
    products = list(Product.select(Product.id, Product.family).join(Unit)
                    .join(RequestUnit).where(RequestUnit.request == request_id)
                    .distinct().tuples())
    product_id = products[0][0] if len({p[0] for p in products}) == 1 else None
    families = {p[1] for p in products if p[1]}
    title = request.subject.strip() or _first_sentence(request.description)
    return ArticleData(title=title[:200], symptoms=request.description.strip(), cause="",
                       solution=request.final_report.strip(), product_id=product_id,
                       product_family=families.pop() if len(families) == 1 else "",
                       problem_type_id=request.problem_type_id, tags="",
                       source_request_id=request.id)


def create_from_request(request_id: int, data: ArticleData | None = None) -> KbArticle:
    """Save the (possibly edited) draft of ``draft_from_request`` as an article."""
    data = data or draft_from_request(request_id)
    data.source_request_id = request_id
    return create_article(data)
