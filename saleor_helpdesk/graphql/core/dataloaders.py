"""Dataloaders (promise-based, as Saleor's): one batched query per relation per request.
Each loader lives in the request's context, so nothing is cached across requests."""

from typing import Any, ClassVar

from django.db.models import Model, QuerySet
from promise import Promise
from promise.dataloader import DataLoader

from .context import HelpdeskContext


class BaseLoader(DataLoader):
    context_key: ClassVar[str]

    def __new__(cls, context: HelpdeskContext) -> "BaseLoader":
        loader = context.dataloaders.get(cls.context_key)
        if loader is None:
            loader = super().__new__(cls)
            loader.context = context
            DataLoader.__init__(loader)
            context.dataloaders[cls.context_key] = loader
        return loader

    def __init__(self, context: HelpdeskContext) -> None:
        # Set up once in __new__; a second construction returns the same loader.
        pass

    def batch_load_fn(self, keys: list[Any]) -> Promise:
        return Promise.resolve(self.batch_load(keys))

    def batch_load(self, keys: list[Any]) -> list[Any]:
        raise NotImplementedError

    def load_value(self, key: Any) -> Any:
        """The value itself when this request has loaded `key` already, else a
        promise (as `load`). A value saves graphql-core the promise's callbacks for
        the field and its sub-selection, which in a page of 100 rows add up."""
        promise = self._promise_cache.get(key)
        if promise is not None and promise.is_fulfilled:
            return promise.value
        return self.load(key)

    def prefetch(self, keys: list[Any]) -> None:
        """Load `keys` now, in one batch (the query `load` would have sent), so that
        `load_value` answers them with values. Keys loaded already are left out."""
        missing = [key for key in dict.fromkeys(keys) if key not in self._promise_cache]
        if missing:
            for key, value in zip(missing, self.batch_load(missing), strict=True):
                self.prime(key, value)


class ByIdLoader(BaseLoader):
    """Rows of one model by primary key; missing rows load as None."""

    def queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def batch_load(self, keys: list[Any]) -> list[Model | None]:
        rows = {row.pk: row for row in self.queryset().filter(pk__in=keys)}
        return [rows.get(key) for key in keys]


def load_related(info: Any, root: Model, field: str, loader: type[BaseLoader]) -> Any:
    """A foreign-key relation: taken from the row when the query joined it
    (`select_related`), else batched through the loader."""
    key = getattr(root, f"{field}_id")
    if key is None:
        return None
    cached = root._state.fields_cache
    if field in cached:
        return cached[field]
    return loader(info.context).load_value(key)
