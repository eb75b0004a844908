"""Ownership, email follow-up and files: first-reply times, emailed marks, agent avatars, held replies.

Revision ID: h0002
Revises: h0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0002"
down_revision = "h0001"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("slack_threads") as batch:
        batch.add_column(sa.Column("first_reply_at", sa.DateTime))
        batch.add_column(sa.Column("emailed_through", sa.BigInteger, nullable=False, server_default="0"))
    with op.batch_alter_table("agent_names") as batch:
        batch.add_column(sa.Column("avatar_url", sa.Text))
    op.create_table(
        "held_replies",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("ts", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("files", sa.JSON, nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_held_replies_conversation_id", "held_replies", ["conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_held_replies_conversation_id", table_name="held_replies")
    op.drop_table("held_replies")
    with op.batch_alter_table("agent_names") as batch:
        batch.drop_column("avatar_url")
    with op.batch_alter_table("slack_threads") as batch:
        batch.drop_column("emailed_through")
        batch.drop_column("first_reply_at")
