export function App() {
  return (
    <main>
      <h1>Кабінет пацієнта</h1>
    </main>
  );
}
