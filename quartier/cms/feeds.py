import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _


class NewsFeed(Feed):
    """Atom feed of one quarter's news (RFC 4287: every entry has `updated`, the
    feed has an author)."""

    feed_type = Atom1Feed

    def get_object(self, request, index_page):
        self.request = request
        return index_page

    def title(self, index_page):
        return f"{index_page.get_parent().title}: {index_page.title}"

    def link(self, index_page):
        return index_page.url

    def subtitle(self, index_page):
        return index_page.intro

    def author_name(self, index_page):
        # The news are the quarter team's; an Atom feed without an author is invalid
        # when its entries have none either.
        quarter = index_page.get_parent().specific.quarter
        return _("Quartiersteam %(quarter)s") % {"quarter": quarter.short_name}

    def items(self, index_page):
        return index_page.news()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        # The news date is a day; 09:00 Berlin time keeps it on that day everywhere
        # in Europe.
        return dt.datetime.combine(
            item.date, dt.time(9), tzinfo=timezone.get_default_timezone()
        )

    def item_updateddate(self, item):
        # Never before `published`: a news item may be dated after its last edit.
        published = self.item_pubdate(item)
        edited = item.last_published_at or item.latest_revision_created_at
        return max(published, edited) if edited else published
