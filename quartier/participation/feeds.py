from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from quartier.quarters.models import Quarter

from .models import Idea


class QuarterIdeasFeed(Feed):
    """Atom feed of the newest public ideas in one quarter."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(Quarter.objects.public(), slug=slug)

    def title(self, quarter):
        return _("Neue Ideen: %(name)s") % {"name": quarter.name}

    def link(self, quarter):
        from django.urls import reverse

        return reverse("participation:idea_list") + f"?quartier={quarter.slug}"

    def author_name(self, quarter):
        # Every entry names its author too; this one covers the feed itself (RFC 4287).
        return _("Quartiersteam %(quarter)s") % {"quarter": quarter.short_name}

    def items(self, quarter):
        return (
            Idea.objects.visible().filter(quarter=quarter).select_related("author")[:30]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The feed generator escapes this; plain text stays plain text.
        return item.description

    def item_author_name(self, item):
        return item.author_name

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        # The official answer is the change readers care about.
        return max(item.created_at, item.answered_at or item.created_at)

    def item_link(self, item):
        return item.get_absolute_url()
