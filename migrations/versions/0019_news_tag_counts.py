"""news tag counts: how many published posts carry each tag, kept by triggers in the
transaction that changes a post's state or its tags (the tag filter read every tag of the
newest 500 posts on every request: a scan of all tags at 100,000 posts)

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# PostgreSQL: statement-level triggers with transition tables, so a statement changes each
# counter once (a bulk INSERT of 5,000 tags: one upsert per tag, not 5,000 versions of one hot
# row). The tags' posts are taken FOR SHARE first: a concurrent change of a post's state waits
# for the statement's transaction (or it for that change, and then sees the new state), so a tag
# is counted exactly when it belongs to a published post. Counters change in the order of their
# names, so two transactions lock them in the same order (no deadlock).
POSTGRESQL_UP = [
    """
CREATE FUNCTION news_tag_count_add(tag_name varchar, delta bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF delta > 0 THEN
        INSERT INTO news_tag_counts (tag, posts) VALUES (tag_name, delta)
        ON CONFLICT (tag) DO UPDATE SET posts = news_tag_counts.posts + excluded.posts;
    ELSIF delta < 0 THEN
        UPDATE news_tag_counts SET posts = posts + delta WHERE tag = tag_name;
        DELETE FROM news_tag_counts WHERE tag = tag_name AND posts <= 0;
    END IF;
END $$""",
    """
CREATE FUNCTION news_tag_counts_on_tags() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tag_name varchar;
    delta bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM 1 FROM news_posts WHERE id IN (SELECT post_id FROM new_tags) ORDER BY id
            FOR SHARE;
        FOR tag_name, delta IN
            SELECT t.tag, count(*) FROM new_tags t JOIN news_posts p ON p.id = t.post_id
            WHERE p.status = 'published' GROUP BY t.tag ORDER BY t.tag
        LOOP
            PERFORM news_tag_count_add(tag_name, delta);
        END LOOP;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM 1 FROM news_posts WHERE id IN (SELECT post_id FROM old_tags) ORDER BY id
            FOR SHARE;
        FOR tag_name, delta IN
            SELECT t.tag, -count(*) FROM old_tags t JOIN news_posts p ON p.id = t.post_id
            WHERE p.status = 'published' GROUP BY t.tag ORDER BY t.tag
        LOOP
            PERFORM news_tag_count_add(tag_name, delta);
        END LOOP;
    ELSE
        PERFORM 1 FROM news_posts
            WHERE id IN (SELECT post_id FROM old_tags UNION SELECT post_id FROM new_tags)
            ORDER BY id FOR SHARE;
        FOR tag_name, delta IN
            SELECT t.tag, sum(t.delta) FROM (
                SELECT tag, post_id, -1 AS delta FROM old_tags
                UNION ALL SELECT tag, post_id, 1 FROM new_tags) t
            JOIN news_posts p ON p.id = t.post_id
            WHERE p.status = 'published' GROUP BY t.tag ORDER BY t.tag
        LOOP
            PERFORM news_tag_count_add(tag_name, delta);
        END LOOP;
    END IF;
    RETURN NULL;
END $$""",
    """
CREATE FUNCTION news_tag_counts_on_posts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tag_name varchar;
    delta bigint;
BEGIN
    FOR tag_name, delta IN
        SELECT t.tag, sum(CASE WHEN n.status = 'published' THEN 1 ELSE -1 END)
        FROM old_posts o JOIN new_posts n ON n.id = o.id
        JOIN news_post_tags t ON t.post_id = n.id
        WHERE (o.status = 'published') <> (n.status = 'published')
        GROUP BY t.tag ORDER BY t.tag
    LOOP
        PERFORM news_tag_count_add(tag_name, delta);
    END LOOP;
    RETURN NULL;
END $$""",
    # Before a post goes its tags are still there to be counted down (a DELETE of the row
    # removes them through the foreign key's cascade, when the post can no longer be seen).
    """
CREATE FUNCTION news_tag_counts_on_post_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tag_name varchar;
BEGIN
    IF OLD.status = 'published' THEN
        FOR tag_name IN SELECT tag FROM news_post_tags WHERE post_id = OLD.id ORDER BY tag LOOP
            PERFORM news_tag_count_add(tag_name, -1);
        END LOOP;
    END IF;
    RETURN OLD;
END $$""",
    """
CREATE TRIGGER news_tag_counts_tags_insert AFTER INSERT ON news_post_tags
REFERENCING NEW TABLE AS new_tags
FOR EACH STATEMENT EXECUTE FUNCTION news_tag_counts_on_tags()""",
    """
CREATE TRIGGER news_tag_counts_tags_delete AFTER DELETE ON news_post_tags
REFERENCING OLD TABLE AS old_tags
FOR EACH STATEMENT EXECUTE FUNCTION news_tag_counts_on_tags()""",
    """
CREATE TRIGGER news_tag_counts_tags_update AFTER UPDATE ON news_post_tags
REFERENCING OLD TABLE AS old_tags NEW TABLE AS new_tags
FOR EACH STATEMENT EXECUTE FUNCTION news_tag_counts_on_tags()""",
    """
CREATE TRIGGER news_tag_counts_posts_update AFTER UPDATE ON news_posts
REFERENCING OLD TABLE AS old_posts NEW TABLE AS new_posts
FOR EACH STATEMENT EXECUTE FUNCTION news_tag_counts_on_posts()""",
    """
CREATE TRIGGER news_tag_counts_post_delete BEFORE DELETE ON news_posts
FOR EACH ROW EXECUTE FUNCTION news_tag_counts_on_post_delete()""",
]
POSTGRESQL_DOWN = [
    "DROP TRIGGER news_tag_counts_post_delete ON news_posts",
    "DROP TRIGGER news_tag_counts_posts_update ON news_posts",
    "DROP TRIGGER news_tag_counts_tags_update ON news_post_tags",
    "DROP TRIGGER news_tag_counts_tags_delete ON news_post_tags",
    "DROP TRIGGER news_tag_counts_tags_insert ON news_post_tags",
    "DROP FUNCTION news_tag_counts_on_post_delete()",
    "DROP FUNCTION news_tag_counts_on_posts()",
    "DROP FUNCTION news_tag_counts_on_tags()",
    "DROP FUNCTION news_tag_count_add(varchar, bigint)",
]

# SQLite runs one writing transaction at a time; a trigger's statements see the rows as they are.
_PUBLISHED = "EXISTS (SELECT 1 FROM news_posts WHERE id = {row}.post_id AND status = 'published')"
_ADD = """
    INSERT OR IGNORE INTO news_tag_counts (tag, posts) SELECT {tags}, 0 {where};
    UPDATE news_tag_counts SET posts = posts + 1 WHERE tag IN (SELECT {tags} {where});"""
_REMOVE = """
    UPDATE news_tag_counts SET posts = posts - 1 WHERE tag IN (SELECT {tags} {where});
    DELETE FROM news_tag_counts WHERE posts <= 0 AND tag IN (SELECT {tags} {where});"""
_POST_TAGS = "FROM news_post_tags WHERE post_id = {row}.id"
SQLITE_UP = [
    f"""
CREATE TRIGGER news_tag_counts_tag_insert AFTER INSERT ON news_post_tags
WHEN {_PUBLISHED.format(row="NEW")}
BEGIN{_ADD.format(tags="NEW.tag", where="")}
END""",
    f"""
CREATE TRIGGER news_tag_counts_tag_delete AFTER DELETE ON news_post_tags
WHEN {_PUBLISHED.format(row="OLD")}
BEGIN{_REMOVE.format(tags="OLD.tag", where="")}
END""",
    f"""
CREATE TRIGGER news_tag_counts_tag_update AFTER UPDATE OF tag, post_id ON news_post_tags
BEGIN{_REMOVE.format(tags="OLD.tag", where="WHERE " + _PUBLISHED.format(row="OLD"))}
{_ADD.format(tags="NEW.tag", where="WHERE " + _PUBLISHED.format(row="NEW"))}
END""",
    f"""
CREATE TRIGGER news_tag_counts_post_listed AFTER UPDATE OF status ON news_posts
WHEN NEW.status = 'published' AND OLD.status <> 'published'
BEGIN{_ADD.format(tags="tag", where=_POST_TAGS.format(row="NEW"))}
END""",
    f"""
CREATE TRIGGER news_tag_counts_post_unlisted AFTER UPDATE OF status ON news_posts
WHEN OLD.status = 'published' AND NEW.status <> 'published'
BEGIN{_REMOVE.format(tags="tag", where=_POST_TAGS.format(row="OLD"))}
END""",
    f"""
CREATE TRIGGER news_tag_counts_post_delete BEFORE DELETE ON news_posts
WHEN OLD.status = 'published'
BEGIN{_REMOVE.format(tags="tag", where=_POST_TAGS.format(row="OLD"))}
END""",
]
SQLITE_DOWN = [f"DROP TRIGGER {name}" for name in (
    "news_tag_counts_post_delete", "news_tag_counts_post_unlisted", "news_tag_counts_post_listed",
    "news_tag_counts_tag_update", "news_tag_counts_tag_delete", "news_tag_counts_tag_insert")]

FILL = """
INSERT INTO news_tag_counts (tag, posts)
SELECT t.tag, count(*) FROM news_post_tags t JOIN news_posts p ON p.id = t.post_id
WHERE p.status = 'published' GROUP BY t.tag"""


def upgrade() -> None:
    op.create_table(
        "news_tag_counts",
        sa.Column("tag", sa.String(length=40), nullable=False),
        sa.Column("posts", sa.Integer(), nullable=False),
        sa.CheckConstraint("posts >= 0", name=op.f("ck_news_tag_counts_posts_not_negative")),
        sa.PrimaryKeyConstraint("tag", name=op.f("pk_news_tag_counts")),
    )
    op.create_index("ix_news_tag_counts_rank", "news_tag_counts",
                    [sa.text("posts DESC"), "tag"], unique=False)
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_UP if postgresql else SQLITE_UP:
        op.execute(statement)
    op.execute(FILL)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_DOWN if postgresql else SQLITE_DOWN:
        op.execute(statement)
    op.drop_index("ix_news_tag_counts_rank", table_name="news_tag_counts")
    op.drop_table("news_tag_counts")
