"""Turn leases: a customer message's turn is claimed by the instance answering it, so a turn cut off
by a crash or a deploy is found and answered after the restart (`bot/recovery`).

Existing messages get no lease (NULL): only turns started after the upgrade are ever recovered.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("turn_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("turn_owner", sa.String(64), nullable=True))
        batch.add_column(sa.Column("reply_to", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("turn_recoveries", sa.Integer(), nullable=True))
    op.create_index("ix_messages_turn_until", "messages", ["turn_until"],
                    sqlite_where=sa.text("turn_until IS NOT NULL"), postgresql_where=sa.text("turn_until IS NOT NULL"))
    op.create_index("uq_messages_reply_to", "messages", ["reply_to"], unique=True,
                    sqlite_where=sa.text("reply_to IS NOT NULL"), postgresql_where=sa.text("reply_to IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("uq_messages_reply_to", table_name="messages")
    op.drop_index("ix_messages_turn_until", table_name="messages")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("turn_recoveries")
        batch.drop_column("reply_to")
        batch.drop_column("turn_owner")
        batch.drop_column("turn_until")
