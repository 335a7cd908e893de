interface EmptyRowProps {
  colSpan: number;
  children: string;
}

export function EmptyRow({ colSpan, children }: EmptyRowProps) {
  return (
    <tr className="empty-row">
      <td colSpan={colSpan}>{children}</td>
    </tr>
  );
}
