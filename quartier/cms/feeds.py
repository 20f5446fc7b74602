from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed


class NewsFeed(Feed):
    """Atom feed of one quarter's news."""

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

    def items(self, index_page):
        return index_page.news()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        from datetime import datetime, time

        from django.utils import timezone

        return datetime.combine(
            item.date, time(9), tzinfo=timezone.get_default_timezone()
        )
